package dev.tugboat.template;

/**
 * An error at an offset of the template text, thrown inside the lexer, parser and evaluator and
 * turned into a {@link TemplateException} (with field path, line and column) at the public border.
 * It has no stack trace: hostile or mistyped input makes many of them and the trace says nothing a
 * template author needs.
 */
final class PositionedError extends RuntimeException {
  private final int offset;

  PositionedError(int offset, String message) {
    this(offset, message, null);
  }

  PositionedError(int offset, String message, Throwable cause) {
    super(message, cause, false, false);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }
}
