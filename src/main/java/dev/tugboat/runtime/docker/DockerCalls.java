package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs blocking docker-java calls with a deadline. The transport cannot enforce one: on the Unix
 * socket docker-java's httpclient5 transport ignores the response timeout, and a paused engine
 * (SIGSTOP) keeps the connection open and never answers. So each call runs on a pooled thread
 * while the caller waits at most the deadline; past it the caller gets {@code ENGINE_UNREACHABLE}
 * and the call's thread is left to finish (or fail) when the engine answers again, since a read
 * on the socket cannot be interrupted. A bound on the calls under way keeps an engine that stays
 * silent from taking threads without end: past it, calls fail at once. Thread-safe.
 */
final class DockerCalls implements AutoCloseable {
  private static final Duration IDLE_THREAD = Duration.ofSeconds(30);

  private final String engineHost;
  private final DockerDeadlines deadlines;
  private final ThreadPoolExecutor threads;
  /**
   * One permit per call under way, given back when the call itself ends (not when its caller
   * stopped waiting): the bound counts calls the engine holds, whatever the pool's threads do.
   */
  private final Semaphore waiting;

  DockerCalls(String engineHost, DockerDeadlines deadlines) {
    this.engineHost = engineHost;
    this.deadlines = deadlines;
    AtomicInteger count = new AtomicInteger();
    this.waiting = new Semaphore(deadlines.maxWaitingCalls());
    this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD.toMillis(),
        TimeUnit.MILLISECONDS, new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "tugboat-docker-call-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  DockerDeadlines deadlines() {
    return deadlines;
  }

  /** A question or short command, with {@link DockerDeadlines#call()}. */
  <T> T ask(String action, Supplier<T> call) {
    return call(action, deadlines.call(), call);
  }

  /** A short command without an answer, with {@link DockerDeadlines#call()}. */
  void tell(String action, Runnable call) {
    run(action, deadlines.call(), call);
  }

  /** {@code call}'s answer, or what it threw as it is, or a failure once the deadline passed. */
  <T> T call(String action, Duration deadline, Supplier<T> call) {
    if (!waiting.tryAcquire()) {
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_UNREACHABLE,
          "the Docker Engine at " + engineHost + " has not answered the "
              + deadlines.maxWaitingCalls() + " calls under way; not asked to " + action
              + " (is it paused, wedged or overloaded? check: systemctl status docker)");
    }
    Future<T> future;
    try {
      future = threads.submit(() -> {
        try {
          return call.get();
        } finally {
          waiting.release();
        }
      });
    } catch (RejectedExecutionException closed) {
      waiting.release();
      throw RuntimeFailure.timedOut("not asked to " + action + ": the Docker client is closed");
    }
    try {
      return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException silent) {
      future.cancel(true);
      throw RuntimeFailure.engineDidNotAnswer(engineHost, action, deadline);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw RuntimeFailure.timedOut("interrupted while waiting for Docker to " + action);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  void run(String action, Duration deadline, Runnable call) {
    call(action, deadline, () -> {
      call.run();
      return null;
    });
  }

  /** What the call threw, unchanged, so callers still catch docker-java's exceptions by type. */
  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("a Docker call threw " + cause, cause);
  }

  /** Calls still waiting end on their own once the engine answers or the process ends. */
  @Override
  public void close() {
    threads.shutdownNow();
  }
}
