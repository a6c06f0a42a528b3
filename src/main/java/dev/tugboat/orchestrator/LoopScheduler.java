package dev.tugboat.orchestrator;

import java.time.Duration;

/**
 * Runs a task after a delay: trigger intervals, event deadlines, restart back-off, the ready
 * check. Tasks only post events to the loop, so they may run on any thread. Injected so unit tests
 * move time by hand; the real one is {@link SystemScheduler}.
 */
public interface LoopScheduler extends AutoCloseable {

  void schedule(Duration delay, Runnable task);

  /** Drops every task not yet run. */
  @Override
  void close();
}
