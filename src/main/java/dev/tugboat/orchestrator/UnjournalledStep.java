package dev.tugboat.orchestrator;

import dev.tugboat.events.Journal;
import dev.tugboat.events.JournalEntry;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step of the loop (an event and the planner's decisions on it) on its way into the journal:
 * what is written so far survives a failed write, so a retry writes only the rest, and the step is
 * acted on only once all of it is in (and synced, when it must be). Between failed tries the loop
 * waits {@link #retryDelay()}: 250 ms, doubling to {@link #MAX_RETRY_DELAY}. Loop thread only.
 */
final class UnjournalledStep {

  static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);

  private final Planner.Step step;
  private final List<JournalEntry> entries;
  private final boolean sync;
  private final long lastSequence;
  private int written;
  private boolean synced;
  private Duration retryDelay = FIRST_RETRY_DELAY;
  private int failures;

  UnjournalledStep(Planner.Step step, List<JournalEntry> entries, boolean sync) {
    this.step = step;
    this.entries = List.copyOf(entries);
    this.sync = sync;
    this.lastSequence = entries.get(entries.size() - 1).sequence();
  }

  /**
   * Writes what is not written yet, then syncs if the step needs it.
   *
   * @throws UncheckedIOException the journal refused a write or the sync; what was written
   *     before it stays written, and the next try goes on from there
   */
  void writeTo(Journal journal) {
    try {
      while (written < entries.size()) {
        journal.append(entries.get(written));
        written++;
      }
      if (sync && !synced) {
        journal.sync();
        synced = true;
      }
    } catch (UncheckedIOException e) {
      if (failures++ > 0) {
        retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0
            ? MAX_RETRY_DELAY : retryDelay.multipliedBy(2);
      }
      throw e;
    }
  }

  Planner.Step step() {
    return step;
  }

  /** When the step was decided: the time its entries carry. */
  Instant decidedAt() {
    return entries.get(0).time();
  }

  /** The sequence of the step's last entry: the journal's once the step is written. */
  long lastSequence() {
    return lastSequence;
  }

  /** How long to wait before the next try. */
  Duration retryDelay() {
    return retryDelay;
  }
}
