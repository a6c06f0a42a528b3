package dev.tugboat.orchestrator;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool a run's blocking work runs on (Docker calls, probes, a start's inspect). A busy engine
 * holds a start for seconds; with 16 threads, ten such starts and the inspects behind them made a
 * fired event's create and a started container's inspect wait in the queue, and a quick
 * container's exit waits for its start to be seen: exit -> subscriber create took seconds under
 * load. So the pool grows to as many threads as the Docker client lets calls wait at once (64;
 * past that a call fails at once rather than waiting), and idle threads end.
 */
public final class RunWorkers {

  static final int MAX_THREADS = 64;
  private static final Duration IDLE = Duration.ofSeconds(30);

  private RunWorkers() {}

  /** Daemon threads named {@code name}, made when there is work and ended when idle. */
  public static ExecutorService pool(String name) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, IDLE.toMillis(),
        TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
