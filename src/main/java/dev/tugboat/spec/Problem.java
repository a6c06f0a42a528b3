package dev.tugboat.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec: a stable rule id (what tools filter on), the field path, where it was
 * written, and a message that says what is wrong and how to fix it.
 */
public record Problem(
    Severity severity, String ruleId, String path, SourcePosition position, String message) {

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  public static Problem error(String ruleId, String path, SourcePosition position, String message) {
    return new Problem(Severity.ERROR, ruleId, path, position, message);
  }

  public static Problem warning(String ruleId, String path, SourcePosition position, String message) {
    return new Problem(Severity.WARNING, ruleId, path, position, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error [rule-id] message}. */
  public String toText() {
    return position + ": " + severity.label() + " [" + ruleId + "] " + message;
  }

  @Override
  public String toString() {
    return toText();
  }
}
