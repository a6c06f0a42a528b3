package dev.tugboat.template;

import static dev.tugboat.template.TemplateFunction.ArgType.ANY;
import static dev.tugboat.template.TemplateFunction.ArgType.STRING;

import dev.tugboat.template.TemplateFunction.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Go's text/template builtins: comparisons, logic, {@code len}, {@code index}, {@code slice}, printing. */
final class Builtins {
  private Builtins() {}

  static List<TemplateFunction> all() {
    return List.of(
        TemplateFunction.variadic("eq", (env, a) -> eq(a), ANY, ANY),
        TemplateFunction.of("ne", (env, a) -> !Values.equal(a[0], a[1]), ANY, ANY),
        TemplateFunction.of("lt", (env, a) -> Values.less(a[0], a[1]), ANY, ANY),
        TemplateFunction.of("le", (env, a) -> lessOrEqual(a[0], a[1]), ANY, ANY),
        TemplateFunction.of("gt", (env, a) -> !lessOrEqual(a[0], a[1]), ANY, ANY),
        TemplateFunction.of("ge", (env, a) -> !Values.less(a[0], a[1]), ANY, ANY),
        // and/or evaluate their operands lazily, so Pipelines runs them; these bodies never run.
        TemplateFunction.variadic("and", Builtins::lazy, ANY, ANY).withKind(Kind.AND),
        TemplateFunction.variadic("or", Builtins::lazy, ANY, ANY).withKind(Kind.OR),
        TemplateFunction.of("not", (env, a) -> !Values.isTrue(a[0]), ANY),
        TemplateFunction.of("len", (env, a) -> length(a[0]), ANY),
        TemplateFunction.variadic("index", (env, a) -> index(a), ANY, ANY),
        TemplateFunction.variadic("slice", (env, a) -> Slices.slice(a), ANY, ANY),
        TemplateFunction.variadic("print", (env, a) -> GoFormat.sprint(Arrays.asList(a)), ANY),
        TemplateFunction.variadic("println", (env, a) -> GoFormat.sprintln(Arrays.asList(a)), ANY),
        TemplateFunction.variadic(
            "printf",
            (env, a) -> GoPrintf.sprintf((String) a[0], Arrays.asList(a).subList(1, a.length)),
            STRING,
            ANY),
        TemplateFunction.variadic(
            "urlquery", (env, a) -> StringFunctions.queryEscape(GoFormat.sprint(Arrays.asList(a))), ANY),
        TemplateFunction.variadic("html", (env, a) -> html(GoFormat.sprint(Arrays.asList(a))), ANY));
  }

  private static Object lazy(TemplateEnvironment env, Object[] args) {
    throw new IllegalStateException("and/or are evaluated by Pipelines");
  }

  /** {@code eq a b c}: a equals b or a equals c. */
  private static boolean eq(Object[] a) {
    if (a.length < 2) {
      throw new FunctionError("missing argument for comparison");
    }
    for (int i = 1; i < a.length; i++) {
      if (Values.equal(a[0], a[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean lessOrEqual(Object a, Object b) {
    return Values.less(a, b) || Values.equal(a, b);
  }

  /** Go's len: bytes of a string (UTF-8), elements of a list. */
  private static long length(Object v) {
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (v instanceof List<?> list) {
      return list.size();
    }
    if (v == null) {
      throw new FunctionError("len of nil pointer");
    }
    throw new FunctionError("len of type " + Values.typeName(v));
  }

  /** {@code index x 1 2} is x[1][2]; indexing a string gives a byte, as in Go. */
  private static Object index(Object[] a) {
    Object item = a[0];
    if (item == null) {
      throw new FunctionError("index of untyped nil");
    }
    for (int i = 1; i < a.length; i++) {
      if (item == null) {
        throw new FunctionError("index of nil pointer");
      }
      if (item instanceof List<?> list) {
        item = list.get(indexArgument(a[i], list.size()));
      } else if (item instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        item = (long) (bytes[indexArgument(a[i], bytes.length)] & 0xff);
      } else {
        throw new FunctionError("can't index item of type " + Values.typeName(item));
      }
    }
    return item;
  }

  static int indexArgument(Object index, int size) {
    if (index == null) {
      throw new FunctionError("cannot index slice/array with nil");
    }
    if (!(index instanceof Long x)) {
      throw new FunctionError("cannot index slice/array with type " + Values.typeName(index));
    }
    if (x < 0 || x >= size) {
      throw new FunctionError("index out of range: " + x);
    }
    return (int) (long) x;
  }

  /** Go's {@code HTMLEscapeString}. */
  private static String html(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\'' -> b.append("&#39;");
        case '"' -> b.append("&#34;");
        case 0 -> b.append('\uFFFD');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Go's {@code slice}, for lists and strings. */
  private static final class Slices {
    static Object slice(Object[] a) {
      Object item = a[0];
      if (item == null) {
        throw new FunctionError("slice of untyped nil");
      }
      if (a.length > 4) {
        throw new FunctionError("too many slice indexes: " + (a.length - 1));
      }
      int size;
      if (item instanceof List<?> list) {
        size = list.size();
      } else if (item instanceof String s) {
        size = s.getBytes(StandardCharsets.UTF_8).length;
        if (a.length == 4) {
          throw new FunctionError("cannot 3-index slice a string");
        }
      } else {
        throw new FunctionError("can't slice item of type " + Values.typeName(item));
      }
      int[] idx = {0, size, size};
      for (int i = 1; i < a.length; i++) {
        idx[i - 1] = bound(a[i], size);
      }
      if (a.length < 3) {
        idx[1] = size;
      }
      if (idx[0] > idx[1]) {
        throw new FunctionError("invalid slice index: " + idx[0] + " > " + idx[1]);
      }
      if (a.length == 4 && idx[1] > idx[2]) {
        throw new FunctionError("invalid slice index: " + idx[1] + " > " + idx[2]);
      }
      if (item instanceof List<?> list) {
        return Collections.unmodifiableList(new ArrayList<>(list.subList(idx[0], idx[1])));
      }
      byte[] bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
      return new String(Arrays.copyOfRange(bytes, idx[0], idx[1]), StandardCharsets.UTF_8);
    }

    private static int bound(Object index, int size) {
      if (!(index instanceof Long x)) {
        throw new FunctionError(
            "cannot index slice/array with " + (index == null ? "nil" : "type " + Values.typeName(index)));
      }
      if (x < 0 || x > size) {
        throw new FunctionError("index out of range: " + x);
      }
      return (int) (long) x;
    }
  }
}
