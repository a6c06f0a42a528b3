package dev.tugboat.template;

import java.util.Optional;

/** Go's lexer rule for the extent of a number literal (value parsing is {@link NumberLiteral}'s). */
final class NumberScanner {
  private static final String DECIMAL = "0123456789_";
  private static final String HEX = "0123456789abcdefABCDEF_";
  private static final String OCTAL = "01234567_";
  private static final String BINARY = "01_";

  private NumberScanner() {}

  /** The end offset of the number starting at {@code start}, or empty when it is malformed. */
  static Optional<Integer> scan(String s, int start) {
    int end = scanEnd(s, start);
    if (end < s.length() && Lexer.isAlphaNumeric(s.codePointAt(end))) {
      return Optional.empty();
    }
    return Optional.of(end);
  }

  /** Where a malformed number's text ends, for the error message: one character past the scan. */
  static int badEnd(String s, int start) {
    int end = scanEnd(s, start);
    return Math.min(s.length(), end + (end < s.length() ? Character.charCount(s.codePointAt(end)) : 0));
  }

  private static int scanEnd(String s, int start) {
    int[] p = {start};
    accept(s, p, "+-");
    String digits = DECIMAL;
    if (accept(s, p, "0")) {
      if (accept(s, p, "xX")) {
        digits = HEX;
      } else if (accept(s, p, "oO")) {
        digits = OCTAL;
      } else if (accept(s, p, "bB")) {
        digits = BINARY;
      }
    }
    acceptRun(s, p, digits);
    if (accept(s, p, ".")) {
      acceptRun(s, p, digits);
    }
    if (digits.equals(DECIMAL) && accept(s, p, "eE")) {
      accept(s, p, "+-");
      acceptRun(s, p, DECIMAL);
    }
    if (digits.equals(HEX) && accept(s, p, "pP")) {
      accept(s, p, "+-");
      acceptRun(s, p, DECIMAL);
    }
    accept(s, p, "i");
    return p[0];
  }

  private static boolean accept(String s, int[] p, String valid) {
    if (p[0] < s.length() && valid.indexOf(s.charAt(p[0])) >= 0) {
      p[0]++;
      return true;
    }
    return false;
  }

  private static void acceptRun(String s, int[] p, String valid) {
    while (accept(s, p, valid)) {
      // consume
    }
  }
}
