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
    try {
      timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // The run was closed (by the supervisor, from another thread) after this task was decided:
      // it is dropped, as a task not yet run at the close is.
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
