package dev.tugboat.template;

import java.util.List;

/**
 * One function a template may call: its name, its parameter types (the last may repeat), and its
 * body. Arguments arrive already checked against the types: STRING as String, INT as Long, ANY as
 * any template value (String, Long, Double, Boolean, List, or null).
 */
record TemplateFunction(
    String name, List<ArgType> params, boolean variadic, Kind kind, boolean refersToContainer, Body body) {

  TemplateFunction {
    params = List.copyOf(params);
  }

  /** Parameter types, named as Go names them in messages. */
  enum ArgType {
    STRING("string"),
    INT("int"),
    ANY("interface {}");

    private final String goName;

    ArgType(String goName) {
      this.goName = goName;
    }

    String goName() {
      return goName;
    }
  }

  /** {@code and} and {@code or} evaluate their arguments lazily, as Go's do. */
  enum Kind {
    PLAIN,
    AND,
    OR
  }

  @FunctionalInterface
  interface Body {
    /** Throws {@link FunctionError} for a failure the template author caused. */
    Object call(TemplateEnvironment env, Object[] args);
  }

  static TemplateFunction of(String name, Body body, ArgType... params) {
    return new TemplateFunction(name, List.of(params), false, Kind.PLAIN, false, body);
  }

  /** The last of {@code params} may be given any number of times, including none. */
  static TemplateFunction variadic(String name, Body body, ArgType... params) {
    return new TemplateFunction(name, List.of(params), true, Kind.PLAIN, false, body);
  }

  /** Takes (component, container, ...) and reads facts of that container. */
  static TemplateFunction container(String name, Body body, ArgType... params) {
    return new TemplateFunction(name, List.of(params), false, Kind.PLAIN, true, body);
  }

  TemplateFunction withKind(Kind newKind) {
    return new TemplateFunction(name, params, variadic, newKind, refersToContainer, body);
  }

  TemplateFunction renamed(String newName) {
    return new TemplateFunction(newName, params, variadic, kind, refersToContainer, body);
  }

  ArgType paramType(int index) {
    return index < params.size() ? params.get(index) : params.get(params.size() - 1);
  }

  /** Go's message when called with {@code count} arguments, or null when that is fine. */
  String arityProblem(int count) {
    if (variadic) {
      int fixed = params.size() - 1;
      return count < fixed
          ? "wrong number of args for " + name + ": want at least " + fixed + " got " + count
          : null;
    }
    return count != params.size()
        ? "wrong number of args for " + name + ": want " + params.size() + " got " + count
        : null;
  }
}
