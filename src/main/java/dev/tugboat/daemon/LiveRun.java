package dev.tugboat.daemon;

import dev.tugboat.orchestrator.Run;
import dev.tugboat.spec.AppSpec;
import java.time.Instant;

/** The daemon's current run: its spec, the run, the loop's thread and when it was started. */
record LiveRun(AppSpec spec, String runId, Run run, Thread loop, Instant startedAt) {

  boolean isLive() {
    return loop.isAlive();
  }
}
