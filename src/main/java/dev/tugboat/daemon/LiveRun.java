package dev.tugboat.daemon;

import dev.tugboat.events.FileJournal;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.spec.AppSpec;
import java.time.Instant;

/** The daemon's current run: its spec, the run, the loop's thread, when it started, its journal. */
record LiveRun(AppSpec spec, String runId, Run run, Thread loop, Instant startedAt,
    FileJournal journal) {

  boolean isLive() {
    return loop.isAlive();
  }
}
