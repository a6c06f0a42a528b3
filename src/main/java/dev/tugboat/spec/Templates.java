package dev.tugboat.spec;

/** What this package knows of templates: only where they are. The template package parses them. */
final class Templates {
  static final String OPEN = "{{repl";

  private Templates() {}

  /** True when the value holds a {@code {{repl}}} action, so its final text is known only once rendered. */
  static boolean isTemplated(String value) {
    return value.contains(OPEN);
  }
}
