package dev.tugboat.spec;

/** Where a value was written: file name, 1-based line and column. Prints as {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {

  /** The position of a file as a whole, used when a problem has no better place. */
  public static SourcePosition startOf(String file) {
    return new SourcePosition(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
