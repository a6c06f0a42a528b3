package dev.tugboat.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a subscription delivered: its events in order, and its end. */
public final class RecordedEvents implements RuntimeEventListener {

  public final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
  public final List<StreamEnd> ends = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(RuntimeEvent event) {
    events.add(event);
  }

  @Override
  public void onEnd(StreamEnd end) {
    ends.add(end);
  }

  /** Each event's kind ({@code Started}, {@code Died}, ...). */
  public List<String> kinds() {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  /** Each event's kind, its container's name, and a death's exit code. */
  public List<String> said() {
    return events.stream().map(e -> e.getClass().getSimpleName() + " " + e.container().name()
        + (e instanceof RuntimeEvent.Died d ? " " + d.exitCode() : "")).toList();
  }

  public long count(String kind) {
    return events.stream().filter(e -> e.getClass().getSimpleName().equals(kind)).count();
  }
}
