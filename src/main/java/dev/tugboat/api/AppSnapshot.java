package dev.tugboat.api;

import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import java.time.Instant;

/**
 * The daemon's view of the app at one moment: the spec, the state and message, why it failed
 * (null unless it did), and the current (or last) run's status; {@code run} is null before the
 * first start. Texts are as the daemon knows them: the API masks secrets when it serializes.
 */
public record AppSnapshot(
    String specName,
    String specVersion,
    AppPhase state,
    String message,
    AppFailure failure,
    String startupMessage,
    Instant startedAt,
    RunStatus run) {

  /** Before any run: the app is stopped, with a reason. */
  public static AppSnapshot idle(String specName, String specVersion, String message) {
    return new AppSnapshot(specName, specVersion, AppPhase.STOPPED, message, null, "", null,
        null);
  }

  public AppSnapshot withStartupMessage(String text) {
    return new AppSnapshot(specName, specVersion, state, message, failure, text, startedAt, run);
  }
}
