package dev.tugboat.orchestrator;

import dev.tugboat.events.EventBus;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Looks at every instance of the app once per period and posts what Docker holds ({@code
 * InstancesResynced}) for the loop to converge on, as controllers do: Docker's event stream can
 * drop an event without breaking, and then only a look finds the container that died or was
 * removed. The timer only hands the look to a worker; the look is skipped while the run
 * reconnects (that look converges) and ends with the run.
 */
final class PeriodicResync implements AutoCloseable {

  private final Run.Setup setup;
  private final EventBus bus;
  private final LongSupplier lastSequence;
  private final BooleanSupplier reconnecting;
  private final BooleanSupplier runEnded;
  private volatile boolean closed;

  PeriodicResync(Run.Setup setup, EventBus bus, LongSupplier lastSequence,
      BooleanSupplier reconnecting, BooleanSupplier runEnded) {
    this.setup = setup;
    this.bus = bus;
    this.lastSequence = lastSequence;
    this.reconnecting = reconnecting;
    this.runEnded = runEnded;
  }

  /** Arms the first look, one period from now. */
  void begin() {
    next();
  }

  private void next() {
    if (!closed && !runEnded.getAsBoolean()) {
      setup.scheduler().schedule(setup.resyncPeriod(), this::look);
    }
  }

  private void look() {
    if (closed || runEnded.getAsBoolean()) {
      return;
    }
    if (reconnecting.getAsBoolean()) {
      next();
      return;
    }
    setup.workers().execute(() -> {
      try {
        long after = lastSequence.getAsLong();
        List<ObservedInstance> seen = InstanceObserver.observe(setup.runtime(), setup.app());
        bus.post(new RunEvent.InstancesResynced(after, seen));
      } catch (RuntimeFailure e) {
        // Docker did not answer: its event stream breaking says so, or the next period looks.
      } finally {
        next();
      }
    });
  }

  @Override
  public void close() {
    closed = true;
  }
}
