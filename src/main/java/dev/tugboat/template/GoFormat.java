package dev.tugboat.template;

import java.util.List;

/** Go's {@code fmt.Sprint}, {@code Sprintln} and the {@code %v} form of template values. */
final class GoFormat {
  private GoFormat() {}

  /** {@code fmt.Sprint}: spaces between operands when neither side is a string. */
  static String sprint(List<?> args) {
    StringBuilder b = new StringBuilder();
    boolean previousString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !previousString) {
        b.append(' ');
      }
      appendValue(b, arg);
      previousString = isString;
    }
    return b.toString();
  }

  /** {@code fmt.Sprintln}: spaces between all operands and a newline at the end. */
  static String sprintln(List<?> args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      appendValue(b, args.get(i));
    }
    return b.append('\n').toString();
  }

  /** {@code %v}. */
  static String value(Object v) {
    if (v instanceof String s) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    appendValue(b, v);
    return b.toString();
  }

  static void appendValue(StringBuilder b, Object v) {
    if (v == null) {
      b.append("<nil>");
    } else if (v instanceof Double d) {
      b.append(GoFloat.format(d, 'g', -1));
    } else if (v instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        appendValue(b, list.get(i));
      }
      b.append(']');
    } else {
      b.append(v);
    }
  }
}
