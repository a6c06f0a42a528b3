package dev.tugboat.runtime;

import java.util.Objects;

/** One line a container wrote, without its line end. */
public record LogLine(Source source, String text) {
  /** Which of the process's outputs the line came from. */
  public enum Source {
    STDOUT,
    STDERR
  }

  public LogLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }

  public static LogLine stdout(String text) {
    return new LogLine(Source.STDOUT, text);
  }

  public static LogLine stderr(String text) {
    return new LogLine(Source.STDERR, text);
  }
}
