package dev.tugboat.spec;

import java.util.Optional;

/**
 * A file that cannot be read as a spec at all (unreadable, not UTF-8, binary, empty, not a mapping,
 * too large, broken YAML, an alias bomb, nested too deep). {@link #getMessage()} is one line: the file
 * (with line:column where known), then the reason and what to do.
 */
public final class SpecLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final transient SourcePosition position;
  private final String reason;

  public SpecLoadException(String file, String reason) {
    this(file, null, reason, null);
  }

  public SpecLoadException(SourcePosition position, String reason) {
    this(position.file(), position, reason, null);
  }

  public SpecLoadException(String file, SourcePosition position, String reason, Throwable cause) {
    super((position != null ? position.toString() : file) + ": " + reason, cause);
    this.file = file;
    this.position = position;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** Where in the file reading failed, when known (syntax errors). */
  public Optional<SourcePosition> position() {
    return Optional.ofNullable(position);
  }

  /** The message without the file and position. */
  public String reason() {
    return reason;
  }
}
