package dev.tugboat.template;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} for template values: flags {@code -+# 0}, width, precision, the verbs
 * {@code v s q d b o x X c U e E f F g G t %}, and Go's in-line complaints ({@code %!d(string=x)},
 * {@code %!s(MISSING)}, {@code %!(EXTRA int=1)}) instead of errors.
 */
final class GoPrintf {
  private final String format;
  private final List<?> args;
  private final StringBuilder out = new StringBuilder();
  private int argIndex;

  private GoPrintf(String format, List<?> args) {
    this.format = format;
    this.args = args;
  }

  static String sprintf(String format, List<?> args) {
    GoPrintf p = new GoPrintf(format, args);
    p.run();
    return p.out.toString();
  }

  private void run() {
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      i = directive(i + 1);
    }
    if (argIndex < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argIndex; k < args.size(); k++) {
        if (k > argIndex) {
          out.append(", ");
        }
        Object a = args.get(k);
        out.append(a == null ? "<nil>" : Values.typeName(a) + "=" + GoFormat.value(a));
      }
      out.append(')');
    }
  }

  /** Parses flags, width, precision and verb starting after a '%'; returns the index after it. */
  private int directive(int i) {
    int flagsStart = i;
    while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
      i++;
    }
    String flags = format.substring(flagsStart, i);
    int[] p = {i};
    int width = number(p);
    int precision = -1;
    if (p[0] < format.length() && format.charAt(p[0]) == '.') {
      p[0]++;
      precision = Math.max(number(p), 0);
    }
    i = p[0];
    if (i >= format.length()) {
      out.append("%!(NOVERB)");
      return i;
    }
    int verb = format.codePointAt(i);
    i += Character.charCount(verb);
    if (verb == '%') {
      out.append('%');
      return i;
    }
    if (argIndex >= args.size()) {
      out.append("%!").appendCodePoint(verb).append("(MISSING)");
      return i;
    }
    out.append(GoVerbs.format(args.get(argIndex++), verb, FormatSpec.of(flags, width, precision)));
    return i;
  }

  /** A width or precision; -1 when absent. Capped so a hostile format cannot ask for gigabytes. */
  private int number(int[] p) {
    int start = p[0];
    long n = 0;
    while (p[0] < format.length() && Character.isDigit(format.charAt(p[0])) && format.charAt(p[0]) < 128) {
      n = Math.min(n * 10 + (format.charAt(p[0]) - '0'), 100_000);
      p[0]++;
    }
    return p[0] == start ? -1 : (int) n;
  }

  /** The flags, width and precision of one directive; -1 for an absent width or precision. */
  record FormatSpec(
      boolean minus, boolean plus, boolean sharp, boolean space, boolean zero, int width, int precision) {

    static FormatSpec of(String flags, int width, int precision) {
      return new FormatSpec(
          flags.indexOf('-') >= 0,
          flags.indexOf('+') >= 0,
          flags.indexOf('#') >= 0,
          flags.indexOf(' ') >= 0,
          flags.indexOf('0') >= 0,
          width,
          precision);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
