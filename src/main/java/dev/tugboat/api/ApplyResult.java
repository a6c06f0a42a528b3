package dev.tugboat.api;

import dev.tugboat.spec.SpecChanges;
import java.util.List;

/**
 * The answer to an apply or a rollback: whether the spec in use changed ({@code false} for a dry
 * run), the app's state afterwards and what happened, the run started, the specs it went from and
 * to, the changes (null when the spec in use could not be read) with one line per change in
 * {@code summary}, and the new spec's validation warnings.
 */
public record ApplyResult(
    boolean applied,
    String state,
    String message,
    String runId,
    SpecVersion from,
    SpecVersion to,
    SpecChanges changes,
    List<String> summary,
    List<String> warnings) {

  public ApplyResult {
    summary = List.copyOf(summary);
    warnings = List.copyOf(warnings);
  }

  /** A spec's name and version. */
  public record SpecVersion(String name, String version) {
    @Override
    public String toString() {
      return name + " " + version;
    }
  }
}
