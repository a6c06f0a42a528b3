package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link LoopScheduler} in virtual time: tasks run when the test advances the clock past them. */
final class ManualScheduler implements LoopScheduler, ManualClock.Timeline {

  private record Task(Instant at, long order, Runnable task) {}

  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long order;

  ManualScheduler(ManualClock clock) {
    this.clock = clock;
    clock.register(this);
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(clock.instant().plus(delay), order++, task));
  }

  @Override
  public synchronized void close() {
    tasks.clear();
  }

  @Override
  public synchronized Optional<Instant> nextDue() {
    return tasks.stream().map(Task::at).min(Comparator.naturalOrder());
  }

  @Override
  public void runDue(Instant now) {
    List<Task> due;
    synchronized (this) {
      due = tasks.stream().filter(t -> !t.at().isAfter(now))
          .sorted(Comparator.comparing(Task::at).thenComparing(Task::order)).toList();
      tasks.removeAll(due);
    }
    due.forEach(t -> t.task().run());
  }
}
