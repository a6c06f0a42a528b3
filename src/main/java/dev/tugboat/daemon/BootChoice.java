package dev.tugboat.daemon;

import java.util.Optional;

/**
 * What the daemon does with the app when it starts, from what the operator last asked and what
 * the latest run's journal says. Pure, so every combination is a unit test.
 */
enum BootChoice {
  /** Continue the latest run: it has not ended. */
  RESUME,
  /** Continue the latest run only to stop it: the operator asked for a stop it did not finish. */
  RESUME_AND_STOP,
  /** Start the app in a new run. */
  START_NEW,
  /** Leave the app stopped, as the operator asked. */
  STAY_STOPPED;

  /** The latest run as its replayed journal shows it; empty when there is none to read. */
  record LatestRun(boolean ended, boolean interrupted) {}

  static BootChoice of(Optional<AppIntent.Wanted> wanted, Optional<LatestRun> latest) {
    boolean stopWanted = wanted.equals(Optional.of(AppIntent.Wanted.STOPPED));
    if (latest.isEmpty()) {
      return stopWanted ? STAY_STOPPED : START_NEW;
    }
    LatestRun run = latest.get();
    if (!run.ended()) {
      return stopWanted ? RESUME_AND_STOP : RESUME;
    }
    if (stopWanted) {
      return STAY_STOPPED;
    }
    // A run ends when it is stopped: by the operator (no intent kept by older versions), or by an
    // interruption, or by a container's startup error. Only an operator's stop keeps it stopped.
    boolean startWanted = wanted.equals(Optional.of(AppIntent.Wanted.STARTED));
    return run.interrupted() || startWanted ? START_NEW : STAY_STOPPED;
  }
}
