package dev.tugboat.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The events the API serves: appended by the daemon (from a run's loop thread, or its control
 * thread when it reads journals back), read by any thread. Keeps the newest {@code capacity}
 * events; listeners (event streams, long polls) are told of each new one on the appending thread
 * and must only hand it on.
 *
 * <p>Ids come with the events (the daemon derives them from the runs' journals, so they are the
 * same after a restart) and must grow. An event whose id the log already reached is one it has:
 * the same journal line read again, as when the daemon reads a run back and then resumes it.
 */
public final class EventLog {

  private final int capacity;
  private final Deque<ApiEvent> events = new ArrayDeque<>();
  private final List<Consumer<ApiEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
  private long lastId;

  public EventLog(int capacity) {
    this.capacity = capacity;
  }

  /** Adds the event unless its id is not above the last one; says whether it was added. */
  public boolean append(ApiEvent event) {
    synchronized (events) {
      if (event.id() <= lastId) {
        return false;
      }
      lastId = event.id();
      events.addLast(event);
      if (events.size() > capacity) {
        events.removeFirst();
      }
    }
    listeners.forEach(listener -> listener.accept(event));
    return true;
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

  /** The id of the newest event, 0 before the first. */
  public long lastId() {
    synchronized (events) {
      return lastId;
    }
  }

  /**
   * The id of the oldest event still held, 0 when there is none: a client that last saw an id
   * below it may have missed the events in between (rotated out of the journals or the log).
   */
  public long oldestId() {
    synchronized (events) {
      return events.isEmpty() ? 0 : events.getFirst().id();
    }
  }

  /** Tells {@code listener} of every later event until the returned handle is run. */
  public Runnable listen(Consumer<ApiEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Tells the listeners of {@link #listenStatus} that the status changed in a way no event tells
   * (a startup message a container reported), so a client following the stream reads it again.
   */
  public void statusChanged() {
    statusListeners.forEach(Runnable::run);
  }

  /** Runs {@code listener} at each {@link #statusChanged} until the returned handle is run. */
  public Runnable listenStatus(Runnable listener) {
    statusListeners.add(listener);
    return () -> statusListeners.remove(listener);
  }
}
