package dev.tugboat.template;

/**
 * The value of a number literal as Go's parser reads it: it may be usable as an integer, as a float,
 * or both ({@code 2.0} is both). {@link #ideal()} is the value it has where any type is accepted:
 * an int unless written with a fraction or exponent.
 */
record NumberLiteral(boolean isInt, long intValue, boolean isFloat, double floatValue, Object ideal) {

  /** Parses a number token (or character constant); the message of the exception is Go's. */
  static NumberLiteral parse(String text, boolean charConstant) {
    if (charConstant) {
      int rune = GoStrings.unquoteChar(text);
      return new NumberLiteral(true, rune, true, rune, (long) rune);
    }
    if (text.endsWith("i")) {
      String real = text.substring(0, text.length() - 1);
      if (GoStrconv.parseIntLiteral(real) == null && GoStrconv.parseFloatLiteral(real) == null) {
        throw new IllegalArgumentException("illegal number syntax: \"" + text + "\"");
      }
      throw new IllegalArgumentException("complex number " + text + " is not supported");
    }
    Long asInt = GoStrconv.parseIntLiteral(text);
    if (asInt != null) {
      return new NumberLiteral(true, asInt, true, asInt, asInt);
    }
    Double asFloat = GoStrconv.parseFloatLiteral(text);
    if (asFloat == null) {
      throw new IllegalArgumentException("illegal number syntax: \"" + text + "\"");
    }
    if (!containsAny(text, ".eEpP")) {
      throw new IllegalArgumentException("integer overflow: \"" + text + "\"");
    }
    double f = asFloat;
    boolean integral = !Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 9.2e18;
    return new NumberLiteral(integral, integral ? (long) f : 0, true, f, f);
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
