package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.ANY;
import static dev.tugboat.template.TemplateFunction.ArgType.INT;
import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Replicated's number functions. {@code Add Sub Mult Div} take ints, floats or strings holding
 * either (a config value); the result is an int when both are ints, else a float.
 */
final class NumberFunctions {
  private NumberFunctions() {}

  static List<TemplateFunction> all() {
    return List.of(
        TemplateFunction.of("ParseBool", (env, a) -> GoStrconv.parseBool((String) a[0]), STRING),
        TemplateFunction.of("ParseFloat", (env, a) -> GoStrconv.parseFloat((String) a[0]), STRING),
        TemplateFunction.variadic("ParseInt", (env, a) -> parseInt(a, false), STRING, INT),
        TemplateFunction.variadic("ParseUint", (env, a) -> parseInt(a, true), STRING, INT),
        arithmetic("Add", (x, y) -> x + y, (x, y) -> x + y),
        arithmetic("Sub", (x, y) -> x - y, (x, y) -> x - y),
        arithmetic("Mult", (x, y) -> x * y, (x, y) -> x * y),
        arithmetic("Div", NumberFunctions::divide, (x, y) -> x / y));
  }

  /** {@code ParseInt s [base [bitSize]]}: base 10 and 64 bits unless given. */
  private static long parseInt(Object[] a, boolean unsigned) {
    if (a.length > 3) {
      throw new FunctionError("too many arguments: want the string, a base and a bit size");
    }
    String s = (String) a[0];
    int base = a.length > 1 ? clamp((Long) a[1]) : 10;
    int bits = a.length > 2 ? clamp((Long) a[2]) : 64;
    if (!unsigned) {
      return GoStrconv.parseInt(s, base, bits);
    }
    long n = GoStrconv.parseUint(s, base, bits);
    if (n < 0) {
      throw new FunctionError("strconv.ParseUint: parsing " + GoStrings.quote(s) + ": value out of range");
    }
    return n;
  }

  private static int clamp(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  private static TemplateFunction arithmetic(String name, LongBinaryOperator ints, DoubleBinaryOperator floats) {
    return TemplateFunction.of(
        name,
        (env, a) -> {
          Object x = number(a[0]);
          Object y = number(a[1]);
          if (x instanceof Long lx && y instanceof Long ly) {
            return ints.applyAsLong(lx, ly);
          }
          return floats.applyAsDouble(((Number) x).doubleValue(), ((Number) y).doubleValue());
        },
        ANY,
        ANY);
  }

  private static long divide(long x, long y) {
    if (y == 0) {
      throw new FunctionError("runtime error: integer divide by zero");
    }
    return x / y;
  }

  /** An int or float as it is; a string holding one, read as one. */
  private static Object number(Object v) {
    if (v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof String s) {
      try {
        return GoStrconv.parseInt(s, 10, 64);
      } catch (FunctionError notAnInt) {
        // a float, or not a number at all
      }
      try {
        return GoStrconv.parseFloat(s);
      } catch (FunctionError e) {
        throw new FunctionError("can't use " + GoStrings.quote(s) + " as a number");
      }
    }
    throw new FunctionError("can't use " + (v == null ? "nil" : GoFormat.value(v) + " (" + Values.typeName(v) + ")") + " as a number");
  }
}
