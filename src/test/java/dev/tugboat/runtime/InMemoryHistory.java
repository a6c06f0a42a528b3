package dev.tugboat.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The calls and scripted happenings of an {@link InMemoryRuntime}, in order, with their time. */
public final class InMemoryHistory {
  /** One call or happening, e.g. {@code "start db"} or {@code "port-open db 5432"}. */
  public record Entry(Instant at, String text) {}

  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();

  InMemoryHistory(Clock clock) {
    this.clock = clock;
  }

  synchronized void add(String text) {
    entries.add(new Entry(clock.instant(), text));
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized List<String> texts() {
    return entries.stream().map(Entry::text).toList();
  }
}
