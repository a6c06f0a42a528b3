package dev.tugboat.spec;

/**
 * Where a value was written: file name, 1-based line and column. Prints as {@code file:line:column};
 * line 0 stands for the file as a whole (a file that could not be read at all) and prints as {@code
 * file}.
 */
public record SourcePosition(String file, int line, int column) {

  /** The file as a whole, when no line is known. */
  public static SourcePosition wholeFile(String file) {
    return new SourcePosition(file, 0, 0);
  }

  /** The position of a file as a whole, used when a problem has no better place. */
  public static SourcePosition startOf(String file) {
    return new SourcePosition(file, 1, 1);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
