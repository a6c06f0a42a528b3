package dev.tugboat.config;

/** A {@code cmds} command could not run: wrong arguments, or the host lacks what it needs. */
public final class GeneratorException extends Exception {
  public GeneratorException(String message) {
    super(message);
  }

  public GeneratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
