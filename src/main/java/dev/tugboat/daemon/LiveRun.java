package dev.tugboat.daemon;

import dev.tugboat.events.FileJournal;
import dev.tugboat.orchestrator.Run;
import dev.tugboat.spec.AppSpec;
import java.time.Instant;

/**
 * The daemon's current run: its spec, the run, the loop's thread, when it started, its journal
 * and the offset its events are numbered from. {@link #stopping} is the supervisor's own mark
 * (read and written on its thread only): a stop was asked of this run, so a second one is not.
 */
final class LiveRun {

  private final AppSpec spec;
  private final String runId;
  private final Run run;
  private final Thread loop;
  private final Instant startedAt;
  private final FileJournal journal;
  private final long eventOffset;
  private boolean stopping;
  private volatile boolean ended; // read by the daemon's shutdown too

  LiveRun(AppSpec spec, String runId, Run run, Thread loop, Instant startedAt,
      FileJournal journal, long eventOffset) {
    this.spec = spec;
    this.runId = runId;
    this.run = run;
    this.loop = loop;
    this.startedAt = startedAt;
    this.journal = journal;
    this.eventOffset = eventOffset;
  }

  AppSpec spec() {
    return spec;
  }

  String runId() {
    return runId;
  }

  Run run() {
    return run;
  }

  Thread loop() {
    return loop;
  }

  Instant startedAt() {
    return startedAt;
  }

  FileJournal journal() {
    return journal;
  }

  long eventOffset() {
    return eventOffset;
  }

  /** Asks the run to stop, once; false when it was asked already. On the supervisor only. */
  boolean requestStop(String reason) {
    if (stopping) {
      return false;
    }
    stopping = true;
    run.requestStop(reason);
    return true;
  }

  boolean stopping() {
    return stopping;
  }

  /** Its loop has returned and the supervisor has closed it. */
  boolean ended() {
    return ended;
  }

  void markEnded() {
    ended = true;
  }
}
