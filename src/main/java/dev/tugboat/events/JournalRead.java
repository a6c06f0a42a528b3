package dev.tugboat.events;

import java.util.List;

/** A run's entries as read from its file, and what was wrong with the file, in words. */
public record JournalRead(List<JournalEntry> entries, List<String> warnings) {

  public JournalRead {
    entries = List.copyOf(entries);
    warnings = List.copyOf(warnings);
  }
}
