package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EventContainer;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.RuntimeEvent;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events of clustered containers, per slot. Swarm emits no task events (the manager's stream
 * carries service and node events only), so one thread polls the tasks of the services the filter
 * selects and posts what changed since the last look: the first look only learns, since a
 * subscription delivers new events only. A slot is reported started each time a new task of it
 * runs: first, and again when Swarm moved it to another node (its address is that node's now; an
 * event of the app fires once whatever the starts). It is reported dead only when Swarm will run
 * nothing more in it, not while Swarm replaces a task lost with its node.
 */
final class SwarmTaskWatch implements Subscription {

  /** What was reported of one slot. */
  private static final class Seen {
    boolean created;
    boolean running;
    String runningTask = "";
    String diedWith = "";
    EventContainer container;
  }

  private final SwarmServiceSlots slots;
  private final EventFilter filter;
  private final RuntimeEventListener listener;
  private final Clock clock;
  private final Duration interval;
  private final Map<ContainerId, Seen> seen = new HashMap<>();
  private final java.util.function.Consumer<SwarmTaskWatch> whenClosed;
  private final Thread thread;
  private volatile boolean closed;

  SwarmTaskWatch(SwarmServiceSlots slots, EventFilter filter, RuntimeEventListener listener,
      Clock clock, Duration interval, java.util.function.Consumer<SwarmTaskWatch> whenClosed) {
    this.whenClosed = whenClosed;
    this.slots = slots;
    this.filter = filter;
    this.listener = listener;
    this.clock = clock;
    this.interval = interval;
    this.thread = new Thread(this::run, "swarm-task-watch");
    thread.setDaemon(true);
  }

  SwarmTaskWatch start() {
    thread.start();
    return this;
  }

  private void run() {
    boolean first = true;
    try {
      while (!closed) {
        look(first);
        first = false;
        Thread.sleep(interval.toMillis());
      }
      listener.onEnd(new StreamEnd.Closed());
    } catch (InterruptedException e) {
      listener.onEnd(new StreamEnd.Closed());
    } catch (RuntimeFailure failure) {
      listener.onEnd(closed ? new StreamEnd.Closed() : new StreamEnd.Failed(failure));
    } catch (RuntimeException e) {
      listener.onEnd(closed ? new StreamEnd.Closed() : new StreamEnd.Failed(
          RuntimeFailure.engineError("watch the swarm's tasks", String.valueOf(e), e)));
    } finally {
      whenClosed.accept(this);
    }
  }

  private void look(boolean learnOnly) {
    List<SwarmSlotTasks> now = slots.slotsMatching(filter.labels());
    Set<ContainerId> present = new HashSet<>();
    for (SwarmSlotTasks slot : now) {
      ContainerId id = slot.serviceSlot().id();
      present.add(id);
      Seen before = seen.computeIfAbsent(id, x -> new Seen());
      before.container = new EventContainer(id, slot.serviceSlot().displayName(),
          slot.service().image(), slot.labels());
      if (closed) {
        return;
      }
      changes(slot, before, learnOnly);
    }
    for (var it = seen.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (present.contains(entry.getKey())) {
        continue;
      }
      Seen gone = entry.getValue();
      Instant at = clock.instant();
      // A removed job's tasks are killed with it: its slot died, though no task says how.
      if (gone.running) {
        post(new RuntimeEvent.Died(at, gone.container, KILLED));
      }
      post(new RuntimeEvent.Destroyed(at, gone.container));
      it.remove();
    }
  }

  /** Exit code of a slot whose stopped task Swarm removed before it was seen ended (SIGTERM). */
  static final int STOPPED = 143;

  /** Exit code of a slot whose service was removed while it ran: killed (128 + SIGKILL). */
  static final int KILLED = 137;

  private void changes(SwarmSlotTasks slot, Seen seen, boolean learnOnly) {
    Optional<JsonNode> current = slot.current();
    if (current.isEmpty()) {
      if (slot.stopped() && seen.running) {
        // a scale-down removes the tasks it stopped, in the time between two looks
        seen.running = false;
        if (!learnOnly) {
          post(new RuntimeEvent.Died(clock.instant(), seen.container, STOPPED));
        }
      }
      return;
    }
    JsonNode task = current.get();
    if (!seen.created) {
      seen.created = true;
      if (!learnOnly) {
        post(new RuntimeEvent.Created(time(task, "CreatedAt"), seen.container));
      }
    }
    String taskId = SwarmSlotTasks.id(task);
    if (slot.stateOf(task) == dev.tugboat.runtime.ContainerState.RUNNING
        && (!seen.running || !taskId.equals(seen.runningTask))) {
      seen.running = true;
      seen.runningTask = taskId;
      seen.diedWith = "";
      if (!learnOnly) {
        post(new RuntimeEvent.Started(statusTime(task), seen.container));
      }
    }
    if (slot.ended() && !seen.diedWith.equals(SwarmSlotTasks.id(task))) {
      seen.diedWith = SwarmSlotTasks.id(task);
      if (!learnOnly) {
        // A task that ran and ended between two looks still started: say so first.
        if (!seen.running && hadContainer(task)) {
          post(new RuntimeEvent.Started(statusTime(task), seen.container));
        }
        post(new RuntimeEvent.Died(statusTime(task), seen.container,
            slot.exitCodeOf(task)));
      }
      seen.running = false;
    }
  }

  private static boolean hadContainer(JsonNode task) {
    return !task.path("Status").path("ContainerStatus").path("ContainerID").asText("").isEmpty();
  }

  private Instant statusTime(JsonNode task) {
    return time(task.path("Status"), "Timestamp");
  }

  private Instant time(JsonNode node, String field) {
    try {
      return Instant.parse(node.path(field).asText(""));
    } catch (java.time.format.DateTimeParseException e) {
      return clock.instant();
    }
  }

  private void post(RuntimeEvent event) {
    if (!closed) {
      listener.onEvent(event);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    whenClosed.accept(this);
  }
}
