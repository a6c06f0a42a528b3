package dev.tugboat.template;

/**
 * A template that cannot be parsed or evaluated. {@link #getMessage()} reads
 * {@code fieldPath:line:column: detail}; {@link #line()} and {@link #column()} are 1-based and
 * count within the template's own text (the caller adds where that text sits in the spec file).
 *
 * <p>It carries no stack trace: it reports a mistake in the vendor's spec, not in this program, and
 * validating a spec full of mistakes should not pay for thousands of traces.
 */
public final class TemplateException extends RuntimeException {
  private final String fieldPath;
  private final int line;
  private final int column;
  private final String detail;

  public TemplateException(String fieldPath, int line, int column, String detail) {
    this(fieldPath, line, column, detail, null);
  }

  public TemplateException(String fieldPath, int line, int column, String detail, Throwable cause) {
    super(prefix(fieldPath) + line + ":" + column + ": " + detail, cause, true, false);
    this.fieldPath = fieldPath == null ? "" : fieldPath;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  private static String prefix(String fieldPath) {
    return fieldPath == null || fieldPath.isEmpty() ? "" : fieldPath + ":";
  }

  /** Where the template sits in the spec, e.g. {@code components[1].containers[0].env_vars[0].value}. */
  public String fieldPath() {
    return fieldPath;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the {@code fieldPath:line:column: } prefix. */
  public String detail() {
    return detail;
  }

  /**
   * True when evaluation failed only because a run-time fact is not known yet (a container the
   * template refers to has not started): rendering again later may succeed.
   */
  public boolean isUnavailableFact() {
    return getCause() instanceof UnavailableFactException;
  }
}
