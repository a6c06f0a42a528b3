package dev.tugboat.events;

import java.util.List;

/**
 * The append-only record of a run's facts and decisions. Only a run's loop appends; readers may
 * call {@link #entries()} from any thread.
 */
public interface Journal {

  /** Adds an entry; it may sit in a buffer until {@link #sync()}. */
  void append(JournalEntry entry);

  /**
   * Returns once every entry appended so far would survive a power loss. The loop calls it before
   * acting on a decision whose loss would repeat the action (a launch, a restart, a stop).
   */
  default void sync() {}

  /** Every entry so far, in sequence order. */
  List<JournalEntry> entries();
}
