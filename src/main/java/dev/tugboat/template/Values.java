package dev.tugboat.template;

import java.util.List;

/**
 * The values templates compute with: String, Long (Go's int), Double (float64), Boolean, List of
 * values (a slice), and null (Go's nil). This class holds Go's rules for them: truth, type names,
 * and comparison.
 */
final class Values {
  private Values() {}

  /** Go's {@code if}: false, 0, nil, and empty strings and lists are false. */
  static boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof List<?> list) {
      return !list.isEmpty();
    }
    return true;
  }

  /** Go's name for the value's type, as its messages print it. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List<?> list) {
      return list.stream().allMatch(e -> e instanceof String) ? "[]string" : "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /**
   * Go's {@code eq arg1 arg}: basic kinds compare by value, nil equals only nil, values of different
   * kinds are an error, and lists cannot be compared at all.
   */
  static boolean equal(Object a, Object b) {
    for (Object v : new Object[] {a, b}) {
      if (v instanceof List<?>) {
        throw new FunctionError("non-comparable type " + GoFormat.sprint(List.of(v)) + ": " + typeName(v));
      }
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass() != b.getClass()) {
      throw new FunctionError("incompatible types for comparison");
    }
    if (a instanceof Double x) {
      return x.doubleValue() == ((Double) b).doubleValue();
    }
    return a.equals(b);
  }

  /** Go's {@code lt}: ints, floats and strings; anything else cannot be ordered. */
  static boolean less(Object a, Object b) {
    if (!isOrdered(a) || !isOrdered(b)) {
      throw new FunctionError("invalid type for comparison");
    }
    if (a.getClass() != b.getClass()) {
      throw new FunctionError("incompatible types for comparison");
    }
    if (a instanceof Long x) {
      return x < (Long) b;
    }
    if (a instanceof Double x) {
      return x < (Double) b;
    }
    return compareStrings((String) a, (String) b) < 0;
  }

  private static boolean isOrdered(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof String;
  }

  /** Go compares strings byte by byte in UTF-8, which is code point order. */
  private static int compareStrings(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
