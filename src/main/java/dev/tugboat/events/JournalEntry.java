package dev.tugboat.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the journal. {@code sequence} orders every entry of a run; a decision's {@code
 * causedBy} is the sequence of the event it answered (0 for events). {@code cause} is why, in
 * words. Field names are a saved format: the journal file is read back after a restart.
 */
public record JournalEntry(
    long sequence, Instant time, String runId, long causedBy, String cause, JournalRecord record) {

  public JournalEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(record, "record");
  }
}
