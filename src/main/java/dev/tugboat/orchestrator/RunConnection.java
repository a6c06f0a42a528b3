package dev.tugboat.orchestrator;

import dev.tugboat.events.EventBus;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Keeps a run listening to Docker's events for its containers. When the stream ends it says so
 * once ({@code RuntimeLost}), then subscribes again and looks at every instance of the app, with
 * back-off, until Docker answers; what it sees is posted ({@code InstancesObserved}) for the loop
 * to converge on, since events during the gap are lost. One reconnection at a time, however many
 * failing calls and broken streams report the same outage.
 */
final class RunConnection implements AutoCloseable {

  private final Run.Setup setup;
  private final EventBus bus;
  private final BooleanSupplier runEnded;
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private volatile Subscription current;
  private volatile boolean closed;

  RunConnection(Run.Setup setup, EventBus bus, BooleanSupplier runEnded) {
    this.setup = setup;
    this.bus = bus;
    this.runEnded = runEnded;
  }

  /** Subscribes now, on the caller's thread; throws the runtime's failure if Docker does not answer. */
  void listen() {
    current = setup.runtime().subscribe(filter(), bridge());
  }

  /** After a restart of the daemon: subscribe and look, in the background, until Docker answers. */
  void lookAgain(String reason) {
    reconnecting.set(true);
    attempt(true, reason, 0);
  }

  /** Whether Docker is being looked at again after an outage (that look converges). */
  boolean reconnecting() {
    return reconnecting.get();
  }

  static Duration backoff(int attempt) {
    return Duration.ofMillis(Math.min(10_000, 250L << Math.min(attempt, 6)));
  }

  private void streamEnded(String message) {
    if (!closed && reconnecting.compareAndSet(false, true)) {
      bus.post(new RunEvent.RuntimeLost(message));
      attempt(false, "Docker answers again", 0);
    }
  }

  private void attempt(boolean resumed, String reason, int attempt) {
    if (closed || runEnded.getAsBoolean()) {
      reconnecting.set(false);
      return;
    }
    setup.workers().execute(() -> {
      if (closed) {
        reconnecting.set(false);
        return;
      }
      RuntimeEventBridge bridge = bridge();
      Subscription subscribed = null;
      try {
        subscribed = setup.runtime().subscribe(filter(), bridge);
        List<ObservedInstance> seen = InstanceObserver.observe(setup.runtime(), setup.app());
        if (bridge.hasEnded()) {
          retry(subscribed, resumed, reason, attempt); // Docker went away again meanwhile
          return;
        }
        Subscription previous = current;
        current = subscribed;
        if (previous != null) {
          previous.close();
        }
        if (closed) {
          // The run was closed while this worker subscribed: close() may have closed the
          // subscription before this one, so this one is closed here, or it would stay open
          // (a stream and a connection to the engine) for as long as the daemon lives.
          subscribed.close();
          reconnecting.set(false);
          return;
        }
        reconnecting.set(false);
        bus.post(new RunEvent.InstancesObserved(resumed, reason, seen));
        if (bridge.hasEnded()) {
          streamEnded(bridge.endMessage()); // it ended between the look and now
        }
      } catch (RuntimeFailure e) {
        if (resumed && attempt == 0) {
          bus.post(new RunEvent.RuntimeLost(e.getMessage()));
        }
        retry(subscribed, resumed, reason, attempt);
      }
    });
  }

  private void retry(Subscription failed, boolean resumed, String reason, int attempt) {
    if (failed != null) {
      failed.close();
    }
    setup.scheduler().schedule(backoff(attempt), () -> this.attempt(resumed, reason, attempt + 1));
  }

  private RuntimeEventBridge bridge() {
    return new RuntimeEventBridge(setup.runtime(), bus, setup.workers(), this::streamEnded,
        setup.timing());
  }

  private EventFilter filter() {
    EventFilter run = EventFilter.labelled(Map.of(InstanceLabels.RUN, setup.runId()));
    return setup.plan().cluster().isEmpty() ? run : run.withSwarmTasks();
  }

  @Override
  public void close() {
    closed = true;
    Subscription subscription = current;
    if (subscription != null) {
      subscription.close();
    }
  }
}
