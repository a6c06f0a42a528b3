package dev.tugboat.daemon;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.orchestrator.RunStatus;
import java.util.function.Supplier;

/**
 * Tells the log when a run's loop pauses because its journal cannot be written (a full disk), and
 * when it goes on: once each, not once per retry. One per run; called on its loop thread.
 */
final class PauseLog {

  private final DaemonLog log;
  private final Supplier<SecretMasker> masker;
  private String shown = "";

  PauseLog(DaemonLog log, Supplier<SecretMasker> masker) {
    this.log = log;
    this.masker = masker;
  }

  /** Logs a change of the run's pause; returns {@code status}. */
  RunStatus observe(RunStatus status) {
    String paused = status.paused();
    if (paused.equals(shown)) {
      return status;
    }
    if (paused.isEmpty()) {
      log.info("run " + status.runId() + " goes on: its journal can be written again");
    } else {
      log.error("run " + status.runId() + " paused: " + masker.get().mask(paused));
    }
    shown = paused;
    return status;
  }
}
