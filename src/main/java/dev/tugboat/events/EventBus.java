package dev.tugboat.events;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue that orders a run's events: any thread posts, the run's loop alone takes. Order of
 * arrival is the order of truth ("which came first, the port or the timeout?").
 */
public final class EventBus {

  private final LinkedBlockingQueue<RunEvent> queue = new LinkedBlockingQueue<>();

  public void post(RunEvent event) {
    queue.add(event);
  }

  /** The next event, waiting at most {@code wait}; empty when none arrived. */
  public Optional<RunEvent> next(Duration wait) throws InterruptedException {
    return Optional.ofNullable(queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** The next event if one is queued, without waiting. */
  public Optional<RunEvent> poll() {
    return Optional.ofNullable(queue.poll());
  }
}
