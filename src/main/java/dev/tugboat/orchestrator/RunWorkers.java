package dev.tugboat.orchestrator;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool a run's blocking work runs on (Docker calls, probes, a start's inspect). A busy engine
 * holds a start for seconds; with 16 threads, ten such starts and the inspects behind them made a
 * fired event's create and a started container's inspect wait in the queue, and a quick
 * container's exit waits for its start to be seen: exit -> subscriber create took seconds under
 * load. So the pool grows to 32 threads, and idle threads end. Not to 64: that is as many calls
 * as the Docker client lets wait at once, past which a call fails at once, and the loop, the
 * engine's event stream and the API ask the engine too (200 containers launched at once failed
 * their last creates so).
 *
 * <p>A task goes to a thread that is idle before a new thread is made (a plain pool of 64 core
 * threads makes a thread for each of its first 64 tasks, however short): the threads are as many
 * as the work in flight at once, which a daemon probing ten ports keeps at one or two.
 */
public final class RunWorkers {

  static final int MAX_THREADS = 32;
  private static final Duration IDLE = Duration.ofSeconds(30);

  private RunWorkers() {}

  /** Daemon threads named {@code name}, made when no idle one can take the work, ended when idle. */
  public static ExecutorService pool(String name) {
    HandOffQueue queue = new HandOffQueue();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, IDLE.toMillis(),
        TimeUnit.MILLISECONDS, queue, task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        }, (task, executor) -> {
          // every thread is busy: the work waits its turn, unless the pool was shut down
          if (executor.isShutdown()) {
            throw new java.util.concurrent.RejectedExecutionException(
                name + " is shut down; not run: " + task);
          }
          queue.enqueue(task);
        });
    return pool;
  }

  /**
   * Offers a task only to a thread already waiting for one, so the pool makes a new thread when
   * none is idle; tasks refused for want of threads are added to it by the pool's rejection.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
