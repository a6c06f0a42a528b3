package dev.tugboat.orchestrator;

import java.time.Duration;
import java.util.concurrent.Executors;
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
    if (timer.isShutdown()) {
      return;
    }
    timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
