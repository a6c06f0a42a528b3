package dev.tugboat.orchestrator;

import java.time.Duration;
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
    after(nextTick(now, step) - now, task);
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
