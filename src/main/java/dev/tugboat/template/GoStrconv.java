package dev.tugboat.template;

import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number and bool parsing, with its error texts ({@code strconv.ParseInt:
 * parsing "x": invalid syntax}), for the number literals of the language and the {@code Parse*}
 * functions. Failures throw {@link FunctionError}.
 */
final class GoStrconv {
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?([0-9_]+\\.?[0-9_]*|\\.[0-9_]+)([eE][+-]?[0-9_]+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");

  private GoStrconv() {}

  static long parseInt(String s, int base, int bitSize) {
    String fn = "strconv.ParseInt";
    checkBitSize(fn, s, bitSize);
    if (s.isEmpty()) {
      throw syntax(fn, s);
    }
    boolean neg = s.charAt(0) == '-';
    String digits = s.charAt(0) == '+' || neg ? s.substring(1) : s;
    long un = parseUnsigned(fn, s, digits, base, bitSize);
    int bits = bitSize == 0 ? 64 : bitSize;
    long cutoff = 1L << (bits - 1); // for 64 bits this is Long.MIN_VALUE, i.e. 2^63 unsigned
    if (!neg && Long.compareUnsigned(un, cutoff) >= 0) {
      throw range(fn, s);
    }
    if (neg && Long.compareUnsigned(un, cutoff) > 0) {
      throw range(fn, s);
    }
    return neg ? -un : un;
  }

  /** ParseUint; the result is unsigned in a long (values above 2^63-1 are negative). */
  static long parseUint(String s, int base, int bitSize) {
    String fn = "strconv.ParseUint";
    checkBitSize(fn, s, bitSize);
    return parseUnsigned(fn, s, s, base, bitSize);
  }

  private static long parseUnsigned(String fn, String original, String s, int base, int bitSize) {
    if (s.isEmpty()) {
      throw syntax(fn, original);
    }
    boolean base0 = base == 0;
    String rest = s;
    if (base0) {
      base = 10;
      if (s.charAt(0) == '0') {
        if (s.length() >= 3 && "bB".indexOf(s.charAt(1)) >= 0) {
          base = 2;
          rest = s.substring(2);
        } else if (s.length() >= 3 && "oO".indexOf(s.charAt(1)) >= 0) {
          base = 8;
          rest = s.substring(2);
        } else if (s.length() >= 3 && "xX".indexOf(s.charAt(1)) >= 0) {
          base = 16;
          rest = s.substring(2);
        } else {
          base = 8;
          rest = s.substring(1);
        }
      }
    } else if (base < 2 || base > 36) {
      throw new FunctionError(fn + ": parsing " + GoStrings.quote(original) + ": invalid base " + base);
    }
    int bits = bitSize == 0 ? 64 : bitSize;
    long maxVal = bits == 64 ? -1L : (1L << bits) - 1;
    long cutoff = Long.divideUnsigned(-1L, base) + 1;
    boolean underscores = false;
    long n = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      int d;
      if (c == '_' && base0) {
        underscores = true;
        continue;
      } else if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'z') {
        d = Character.toLowerCase(c) - 'a' + 10;
      } else {
        throw syntax(fn, original);
      }
      if (d >= base) {
        throw syntax(fn, original);
      }
      if (Long.compareUnsigned(n, cutoff) >= 0) {
        throw range(fn, original);
      }
      n *= base;
      long n1 = n + d;
      if (Long.compareUnsigned(n1, n) < 0 || Long.compareUnsigned(n1, maxVal) > 0) {
        throw range(fn, original);
      }
      n = n1;
    }
    if (underscores && !underscoreOk(s)) {
      throw syntax(fn, original);
    }
    return n;
  }

  static double parseFloat(String s) {
    String fn = "strconv.ParseFloat";
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      String lower = s.toLowerCase();
      if (lower.contains("nan")) {
        return Double.NaN;
      }
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    boolean hex = HEX_FLOAT.matcher(s).matches();
    if (!hex && !DECIMAL_FLOAT.matcher(s).matches()) {
      throw syntax(fn, s);
    }
    if (s.indexOf('_') >= 0 && !underscoreOk(s)) {
      throw syntax(fn, s);
    }
    double d = Double.parseDouble(s.replace("_", ""));
    if (Double.isInfinite(d)) {
      throw range(fn, s);
    }
    return d;
  }

  static boolean parseBool(String s) {
    switch (s) {
      case "1", "t", "T", "TRUE", "true", "True":
        return true;
      case "0", "f", "F", "FALSE", "false", "False":
        return false;
      default:
        throw syntax("strconv.ParseBool", s);
    }
  }

  /** A number literal read as Go's parser does ({@code ParseInt(text, 0, 64)}); null if not an int. */
  static Long parseIntLiteral(String text) {
    try {
      return parseInt(text, 0, 64);
    } catch (FunctionError e) {
      return null;
    }
  }

  /** A number literal read as a float; null if it is not one. */
  static Double parseFloatLiteral(String text) {
    try {
      return parseFloat(text);
    } catch (FunctionError e) {
      return null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void checkBitSize(String fn, String s, int bitSize) {
    if (bitSize < 0 || bitSize > 64) {
      throw new FunctionError(fn + ": parsing " + GoStrings.quote(s) + ": invalid bit size " + bitSize);
    }
  }

  /** Go's rule: an underscore only between digits, or right after a base prefix. */
  static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      i = 2;
      saw = '0';
      hex = Character.toLowerCase(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  private static FunctionError syntax(String fn, String s) {
    return new FunctionError(fn + ": parsing " + GoStrings.quote(s) + ": invalid syntax");
  }

  private static FunctionError range(String fn, String s) {
    return new FunctionError(fn + ": parsing " + GoStrings.quote(s) + ": value out of range");
  }
}
