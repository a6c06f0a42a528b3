package dev.tugboat.events;

import java.util.List;

/**
 * The append-only record of a run's facts and decisions. Only a run's loop appends; readers may
 * call {@link #entries()} from any thread.
 */
public interface Journal {

  void append(JournalEntry entry);

  /** Every entry so far, in sequence order. */
  List<JournalEntry> entries();
}
