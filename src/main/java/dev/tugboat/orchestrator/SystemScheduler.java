package dev.tugboat.orchestrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link LoopScheduler} on one daemon thread of the JVM. */
public final class SystemScheduler implements LoopScheduler {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "tugboat-timer");
    thread.setDaemon(true);
    return thread;
  });
  /** The tasks due at each tick (System.nanoTime) for which the timer has one task queued. */
  private final Map<Long, List<Runnable>> onTicks = new HashMap<>(); // guarded by itself

  @Override
  public void schedule(Duration delay, Runnable task) {
    after(delay.toNanos(), task);
  }

  private void after(long nanos, Runnable task) {
    try {
      timer.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // The run was closed (by the supervisor, from another thread) after this task was decided:
      // it is dropped, as a task not yet run at the close is.
    }
  }

  @Override
  public void scheduleOnTick(Duration period, Runnable task) {
    long step = period.toNanos();
    if (step <= 0) {
      after(step, task);
      return;
    }
    long now = System.nanoTime();
    long tick = nextTick(now, step);
    boolean first;
    synchronized (onTicks) {
      List<Runnable> due = onTicks.get(tick);
      first = due == null;
      if (first) {
        due = new ArrayList<>();
        onTicks.put(tick, due);
      }
      due.add(task);
    }
    if (first) {
      // One timer task per tick, not one per repeating task: ten ports probed every 50 ms cost
      // the timer's queue one insertion per tick instead of ten.
      after(tick - now, () -> runTick(tick));
    }
  }

  private void runTick(long tick) {
    List<Runnable> due;
    synchronized (onTicks) {
      due = onTicks.remove(tick);
    }
    for (Runnable task : due) {
      try {
        task.run();
      } catch (RuntimeException e) {
        // As the timer does for a task of its own: one task's fault does not hold the others.
      }
    }
  }

  /**
   * The first multiple of {@code step} more than half a step after {@code now}: a task that
   * repeats as soon as it ran just after a tick lands on the next one, a full step later.
   */
  static long nextTick(long now, long step) {
    return Math.floorDiv(now + step / 2, step) * step + step;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
