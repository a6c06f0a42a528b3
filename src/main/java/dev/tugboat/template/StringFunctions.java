package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.ANY;
import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Replicated's string functions, with the Go library functions they are made of. */
final class StringFunctions {
  private static final String[] SIZE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private StringFunctions() {}

  static List<TemplateFunction> all() {
    return List.of(
        TemplateFunction.of("TrimSpace", (env, a) -> trim((String) a[0], StringFunctions::isGoSpace), STRING),
        TemplateFunction.variadic("Trim", (env, a) -> trimCutsets(a), STRING, STRING),
        TemplateFunction.of("Split", (env, a) -> split((String) a[0], (String) a[1]), STRING, STRING),
        TemplateFunction.of("ToLower", (env, a) -> ((String) a[0]).toLowerCase(Locale.ROOT), STRING),
        TemplateFunction.of("ToUpper", (env, a) -> ((String) a[0]).toUpperCase(Locale.ROOT), STRING),
        TemplateFunction.of("HumanSize", (env, a) -> humanSize(a[0]), ANY),
        TemplateFunction.of("UrlEncode", (env, a) -> queryEscape((String) a[0]), STRING),
        TemplateFunction.of(
            "Base64Encode",
            (env, a) -> Base64.getEncoder().encodeToString(((String) a[0]).getBytes(StandardCharsets.UTF_8)),
            STRING),
        TemplateFunction.of("Base64Decode", (env, a) -> base64Decode((String) a[0]), STRING));
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isGoSpace(int cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0
        || (cp > 0xff && Character.isSpaceChar(cp));
  }

  private static String trim(String s, java.util.function.IntPredicate cut) {
    int start = 0;
    int end = s.length();
    while (start < end && cut.test(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cut.test(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** {@code Trim s [cutset...]}: strips the characters of all cutsets from both ends; a space by default. */
  private static String trimCutsets(Object[] a) {
    StringBuilder cutset = new StringBuilder(a.length == 1 ? " " : "");
    for (int i = 1; i < a.length; i++) {
      cutset.append((String) a[i]);
    }
    String chars = cutset.toString();
    return trim((String) a[0], cp -> chars.indexOf(new String(Character.toChars(cp))) >= 0);
  }

  /** Go's strings.Split: an empty separator splits into characters. */
  static List<String> split(String s, String sep) {
    List<String> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      return Collections.unmodifiableList(parts);
    }
    int start = 0;
    int at;
    while ((at = s.indexOf(sep, start)) >= 0) {
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return Collections.unmodifiableList(parts);
  }

  /** go-units HumanSize: decimal units, four significant digits ("2.746 MB", "796 B"). */
  private static String humanSize(Object size) {
    double bytes;
    if (size instanceof Long l) {
      bytes = l;
    } else if (size instanceof Double d) {
      bytes = d;
    } else if (size instanceof String s) {
      bytes = GoStrconv.parseFloat(s);
    } else {
      throw new FunctionError("size must be an integer or a floating point number, not " + GoFormat.value(size));
    }
    int unit = 0;
    while (bytes >= 1000 && unit < SIZE_UNITS.length - 1) {
      bytes /= 1000;
      unit++;
    }
    return GoFloat.format(bytes, 'g', 4) + " " + SIZE_UNITS[unit];
  }

  /** Go's url.QueryEscape: letters, digits and {@code -_.~} stay; space becomes '+'. */
  static String queryEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return b.toString();
  }

  /** Go's base64.StdEncoding: padding is required. */
  private static String base64Decode(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!alphabet) {
        throw new FunctionError("illegal base64 data at input byte " + i);
      }
    }
    if (s.length() % 4 != 0) {
      throw new FunctionError("illegal base64 data at input byte " + (s.length() / 4 * 4));
    }
    try {
      return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new FunctionError("illegal base64 data at input byte " + Math.max(0, s.indexOf('=')));
    }
  }
}
