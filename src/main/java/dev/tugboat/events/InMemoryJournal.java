package dev.tugboat.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal kept in memory, with an optional listener that sees each entry as it is appended (the
 * command line prints from it). Appends come from one loop; reads may come from any thread.
 */
public final class InMemoryJournal implements Journal {

  private final List<JournalEntry> entries = new ArrayList<>();
  private final Consumer<JournalEntry> listener;

  public InMemoryJournal() {
    this(entry -> {});
  }

  public InMemoryJournal(Consumer<JournalEntry> listener) {
    this.listener = listener;
  }

  @Override
  public void append(JournalEntry entry) {
    synchronized (entries) {
      if (!entries.isEmpty() && entries.get(entries.size() - 1).sequence() >= entry.sequence()) {
        throw new IllegalArgumentException(
            "journal sequence must grow: " + entry.sequence() + " after "
                + entries.get(entries.size() - 1).sequence());
      }
      entries.add(entry);
    }
    listener.accept(entry);
  }

  @Override
  public List<JournalEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
