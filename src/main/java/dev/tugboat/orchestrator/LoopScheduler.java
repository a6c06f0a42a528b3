package dev.tugboat.orchestrator;

import java.time.Duration;

/**
 * Runs a task after a delay: trigger intervals, event deadlines, restart back-off, the ready
 * check. Tasks only post events to the loop, so they may run on any thread. Injected so unit tests
 * move time by hand; the real one is {@link SystemScheduler}.
 */
public interface LoopScheduler extends AutoCloseable {

  void schedule(Duration delay, Runnable task);

  /**
   * Runs a task that repeats every {@code period} at the next tick of a grid of that period, at
   * least half a period away: repeating tasks of one period then fall due together and wake the
   * timer once for all of them. By default, simply after the period.
   */
  default void scheduleOnTick(Duration period, Runnable task) {
    schedule(period, task);
  }

  /** Drops every task not yet run. */
  @Override
  void close();
}
