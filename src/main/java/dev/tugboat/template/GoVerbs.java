package dev.tugboat.template;

import dev.tugboat.template.GoPrintf.FormatSpec;
import java.util.List;

/** Formats one {@code printf} operand for one verb, as Go's fmt package does. */
final class GoVerbs {
  private GoVerbs() {}

  static String format(Object arg, int verb, FormatSpec spec) {
    if (arg == null) {
      return verb == 'v' ? pad("<nil>", spec) : bad(arg, verb);
    }
    if (arg instanceof List<?> list) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(format(list.get(i), verb, spec));
      }
      return b.append(']').toString();
    }
    if (arg instanceof String s) {
      return string(s, verb, spec);
    }
    if (arg instanceof Long l) {
      return integer(l, verb, spec);
    }
    if (arg instanceof Double d) {
      return floating(d, verb, spec);
    }
    if (arg instanceof Boolean bool && (verb == 'v' || verb == 't')) {
      return pad(bool.toString(), spec);
    }
    return bad(arg, verb);
  }

  private static String string(String s, int verb, FormatSpec spec) {
    switch (verb) {
      case 'v', 's':
        return pad(truncate(s, spec.precision()), spec);
      case 'q':
        String t = truncate(s, spec.precision());
        boolean raw = spec.sharp() && t.indexOf('`') < 0 && t.chars().allMatch(c -> c >= ' ' || c == '\t');
        return pad(raw ? "`" + t + "`" : GoStrings.quote(t), spec);
      case 'x', 'X':
        byte[] bytes = GoPrintf.utf8(s);
        int n = spec.precision() >= 0 ? Math.min(spec.precision(), bytes.length) : bytes.length;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          if (i > 0 && spec.space()) {
            b.append(' ');
          }
          if (spec.sharp() && (i == 0 || spec.space())) {
            b.append(verb == 'x' ? "0x" : "0X");
          }
          String hex = String.format("%02x", bytes[i] & 0xff);
          b.append(verb == 'X' ? hex.toUpperCase() : hex);
        }
        return pad(b.toString(), spec);
      default:
        return bad(s, verb);
    }
  }

  private static String truncate(String s, int precision) {
    if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, precision));
  }

  private static String integer(long v, int verb, FormatSpec spec) {
    int radix;
    String prefix = "";
    switch (verb) {
      case 'v', 'd' -> radix = 10;
      case 'b' -> {
        radix = 2;
        prefix = spec.sharp() ? "0b" : "";
      }
      case 'o' -> {
        radix = 8;
        prefix = spec.sharp() ? "0" : "";
      }
      case 'O' -> {
        radix = 8;
        prefix = "0o";
      }
      case 'x', 'X' -> {
        radix = 16;
        prefix = spec.sharp() ? (verb == 'x' ? "0x" : "0X") : "";
      }
      case 'c' -> {
        return pad(new String(Character.toChars(rune(v))), spec);
      }
      case 'q' -> {
        return pad(GoStrings.quoteRune(rune(v)), spec);
      }
      case 'U' -> {
        return pad(String.format("U+%04X", v), spec);
      }
      default -> {
        return bad(v, verb);
      }
    }
    String digits = v < 0 ? Long.toUnsignedString(-v, radix) : Long.toString(v, radix);
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    if (spec.precision() >= 0) {
      digits = "0".repeat(Math.max(0, spec.precision() - digits.length())) + digits;
      if (spec.precision() == 0 && v == 0) {
        digits = "";
      }
    }
    String sign = v < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
    return padNumber(sign, prefix + digits, spec, spec.precision() < 0);
  }

  private static int rune(long v) {
    return GoStrings.isValidRune(v) ? (int) v : 0xFFFD;
  }

  private static String floating(double v, int verb, FormatSpec spec) {
    char fmt;
    switch (verb) {
      case 'v' -> fmt = 'g';
      case 'e', 'E', 'f', 'F', 'g', 'G' -> fmt = (char) verb;
      default -> {
        return bad(v, verb);
      }
    }
    int precision = spec.precision() < 0 && "eEfF".indexOf(fmt) >= 0 ? 6 : spec.precision();
    String num = GoFloat.format(v, fmt, precision);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      String shown = Double.isNaN(v) ? (spec.plus() ? "+NaN" : spec.space() ? " NaN" : "NaN") : num;
      if (v > 0 && !spec.plus()) {
        shown = spec.space() ? " Inf" : "+Inf";
      }
      return pad(shown, spec);
    }
    boolean negative = num.startsWith("-");
    String sign = negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "";
    return padNumber(sign, negative ? num.substring(1) : num, spec, true);
  }

  private static String padNumber(String sign, String digits, FormatSpec spec, boolean zeroAllowed) {
    if (spec.zero() && zeroAllowed && !spec.minus() && spec.width() > 0) {
      int count = sign.length() + digits.length();
      return sign + "0".repeat(Math.max(0, spec.width() - count)) + digits;
    }
    return pad(sign + digits, spec);
  }

  private static String pad(String s, FormatSpec spec) {
    int length = s.codePointCount(0, s.length());
    if (spec.width() <= length) {
      return s;
    }
    String padding = " ".repeat(spec.width() - length);
    return spec.minus() ? s + padding : padding + s;
  }

  private static String bad(Object arg, int verb) {
    String v = new String(Character.toChars(verb));
    if (arg == null) {
      return "%!" + v + "(<nil>)";
    }
    return "%!" + v + "(" + Values.typeName(arg) + "=" + GoFormat.value(arg) + ")";
  }
}
