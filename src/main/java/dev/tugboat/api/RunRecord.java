package dev.tugboat.api;

import java.time.Instant;

/**
 * One run in the daemon's history. {@code outcome}: {@code running} (not started yet),
 * {@code started} (reached started and still runs), {@code stopped} or {@code failed};
 * {@code cause} says why a run failed. {@code endedAt} is null while the run is live.
 */
public record RunRecord(
    String runId,
    String specName,
    String specVersion,
    Instant startedAt,
    Instant endedAt,
    String outcome,
    String cause) {

  public static final String RUNNING = "running";
  public static final String STARTED = "started";
  public static final String STOPPED = "stopped";
  public static final String FAILED = "failed";

  /** A run just launched. */
  public static RunRecord launched(String runId, String specName, String specVersion,
      Instant startedAt) {
    return new RunRecord(runId, specName, specVersion, startedAt, null, RUNNING, "");
  }

  /** A run whose end nobody saw (the daemon stopped while it ran), once a later run launched. */
  public RunRecord unseenEnd(Instant laterLaunch) {
    if (endedAt != null) {
      return this;
    }
    return new RunRecord(runId, specName, specVersion, startedAt, laterLaunch,
        outcome.equals(FAILED) ? FAILED : STOPPED, cause.isEmpty()
            ? "its end was not seen (the daemon stopped while it ran); it ended by then" : cause);
  }

  /**
   * This run after the app's state became {@code state} with {@code message}: a failure stays a
   * failure (its cause is the first failure message) when the run then stops.
   */
  public RunRecord observed(String state, String message, boolean ended, Instant now) {
    String outcome = this.outcome;
    String cause = this.cause;
    if (state.equals(FAILED) && !outcome.equals(FAILED)) {
      outcome = FAILED;
      cause = message;
    } else if (state.equals(STARTED) && outcome.equals(RUNNING)) {
      outcome = STARTED;
    } else if (state.equals(STOPPED) && !outcome.equals(FAILED)) {
      outcome = STOPPED;
    }
    Instant end = endedAt == null && (ended || state.equals(STOPPED)) ? now : endedAt;
    return new RunRecord(runId, specName, specVersion, startedAt, end, outcome, cause);
  }
}
