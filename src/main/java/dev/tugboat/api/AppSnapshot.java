package dev.tugboat.api;

import dev.tugboat.orchestrator.RunStatus;
import java.time.Instant;

/**
 * The daemon's view of the app at one moment: the spec, the state and message, and the current (or
 * last) run's status with secrets already masked. {@code run} is null before the first start.
 */
public record AppSnapshot(
    String specName,
    String specVersion,
    String state,
    String message,
    String startupMessage,
    Instant startedAt,
    RunStatus run) {

  /** Before any run: the app is stopped, with a reason. */
  public static AppSnapshot idle(String specName, String specVersion, String message) {
    return new AppSnapshot(specName, specVersion, "stopped", message, "", null, null);
  }

  public AppSnapshot withStartupMessage(String text) {
    return new AppSnapshot(specName, specVersion, state, message, text, startedAt, run);
  }
}
