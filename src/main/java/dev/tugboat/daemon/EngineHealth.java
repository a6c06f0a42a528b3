package dev.tugboat.daemon;

import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Whether the Docker Engine answers, for {@code /healthz}: the last ping's answer while it is at
 * most a second old, else a new ping on a thread of its own. At most one ping is under way: a
 * flood of health checks, or an engine that hangs, queues nothing, and never takes a worker that
 * launches containers. Thread-safe.
 */
final class EngineHealth implements AutoCloseable {

  static final Duration FRESH = Duration.ofSeconds(1);

  private record Answer(boolean reachable, Instant at) {}

  private final ContainerRuntime runtime;
  private final Executor pinger;
  private final Clock clock;
  private final Runnable onClose;
  private Answer last;
  private CompletableFuture<Boolean> underWay;

  /** Pinging on {@code pinger}, which its owner ends. */
  EngineHealth(ContainerRuntime runtime, Executor pinger, Clock clock) {
    this(runtime, pinger, clock, () -> { });
  }

  private EngineHealth(ContainerRuntime runtime, Executor pinger, Clock clock, Runnable onClose) {
    this.runtime = runtime;
    this.pinger = pinger;
    this.clock = clock;
    this.onClose = onClose;
  }

  /** Pinging on a daemon thread of its own, ended by {@link #close()}. */
  static EngineHealth onItsOwnThread(ContainerRuntime runtime, Clock clock) {
    java.util.concurrent.ExecutorService thread = DaemonThreads.single("tugboat-engine-ping");
    return new EngineHealth(runtime, thread, clock, thread::shutdownNow);
  }

  @Override
  public void close() {
    onClose.run();
  }

  synchronized CompletableFuture<Boolean> reachable() {
    Instant now = clock.instant();
    if (last != null && !now.isAfter(last.at().plus(FRESH))) {
      return CompletableFuture.completedFuture(last.reachable());
    }
    CompletableFuture<Boolean> ping = underWay;
    if (ping == null) {
      CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(this::ping, pinger);
      underWay = started;
      // runs at once, on this thread, when the ping has already ended (an engine that refuses
      // at once): underWay is cleared again, so the answer below is this ping's, not a field's
      started.whenComplete(
          (reachable, failure) -> answered(started, reachable != null && reachable));
      ping = started;
    }
    // a copy, so a caller's timeout cannot complete the ping that others wait on
    return ping.thenApply(reachable -> reachable);
  }

  private boolean ping() {
    try {
      runtime.ping();
      return true;
    } catch (RuntimeFailure e) {
      return false;
    }
  }

  private synchronized void answered(CompletableFuture<Boolean> ping, boolean reachable) {
    last = new Answer(reachable, clock.instant());
    if (underWay == ping) {
      underWay = null;
    }
  }
}
