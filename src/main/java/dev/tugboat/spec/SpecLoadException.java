package dev.tugboat.spec;

/**
 * A file that cannot be read as a spec at all (unreadable, not UTF-8, binary, empty, not a mapping,
 * too large, broken YAML, an alias bomb, nested too deep). The message is one line that starts with
 * the file name (and line:column where known) and says what to do.
 */
public final class SpecLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public SpecLoadException(String message) {
    super(message);
  }

  public SpecLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
