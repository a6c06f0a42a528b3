package dev.tugboat.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The events the API serves: appended by the daemon (from a run's loop thread), read by any
 * thread. Keeps the newest {@code capacity} events; listeners (event streams, long polls) are told
 * of each new one on the appending thread and must only hand it on.
 */
public final class EventLog {

  private final int capacity;
  private final Deque<ApiEvent> events = new ArrayDeque<>();
  private final List<Consumer<ApiEvent>> listeners = new CopyOnWriteArrayList<>();
  private long lastId;

  public EventLog(int capacity) {
    this.capacity = capacity;
  }

  /** Adds an event, giving it the next id. */
  public ApiEvent append(Instant time, String runId, String type, String text, String cause) {
    ApiEvent event;
    synchronized (events) {
      event = new ApiEvent(++lastId, time, runId, type, text, cause);
      events.addLast(event);
      if (events.size() > capacity) {
        events.removeFirst();
      }
    }
    listeners.forEach(listener -> listener.accept(event));
    return event;
  }

  /** Events with an id above {@code after}, oldest first, at most {@code limit}. */
  public List<ApiEvent> after(long after, int limit) {
    List<ApiEvent> found = new ArrayList<>();
    synchronized (events) {
      for (ApiEvent event : events) {
        if (event.id() > after) {
          found.add(event);
          if (found.size() == limit) {
            break;
          }
        }
      }
    }
    return List.copyOf(found);
  }

  public long lastId() {
    synchronized (events) {
      return lastId;
    }
  }

  /** Tells {@code listener} of every later event until the returned handle is run. */
  public Runnable listen(Consumer<ApiEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
