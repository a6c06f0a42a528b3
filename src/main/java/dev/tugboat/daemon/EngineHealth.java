package dev.tugboat.daemon;

import dev.tugboat.api.EngineStatus;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Whether the Docker Engine answers, for {@code /healthz}: the last ping's answer while it is at
 * most a second old, else a new ping on a thread of its own. At most one ping is under way: a
 * flood of health checks, or an engine that hangs, queues nothing, and never takes a worker that
 * launches containers.
 *
 * <p>For the status, {@link #check()} runs every {@link #PERIOD} on a timer of its own and keeps
 * {@link #status()}: a paused engine ends no stream, so no run notices it; a ping unanswered for
 * {@link #SLOW} counts as not answering before the runtime's own deadline ends it. Thread-safe.
 */
final class EngineHealth implements AutoCloseable {

  static final Duration FRESH = Duration.ofSeconds(1);
  static final Duration PERIOD = Duration.ofSeconds(2);
  /** As long as {@code /healthz} waits for an answer. */
  static final Duration SLOW = Duration.ofSeconds(2);

  private record Answer(boolean reachable, Instant at) {}

  private final ContainerRuntime runtime;
  private final Executor pinger;
  private final Clock clock;
  private final Runnable onClose;
  private final Consumer<EngineStatus> onChange;
  private Answer last;
  /** Completes with the ping's failure, empty when the engine answered. */
  private CompletableFuture<Optional<String>> underWay;
  private Instant underWaySince;
  private volatile EngineStatus status = EngineStatus.ANSWERING;

  /** Pinging on {@code pinger}, which its owner ends. */
  EngineHealth(ContainerRuntime runtime, Executor pinger, Clock clock) {
    this(runtime, pinger, clock, () -> { }, changed -> { });
  }

  EngineHealth(ContainerRuntime runtime, Executor pinger, Clock clock,
      Consumer<EngineStatus> onChange) {
    this(runtime, pinger, clock, () -> { }, onChange);
  }

  private EngineHealth(ContainerRuntime runtime, Executor pinger, Clock clock, Runnable onClose,
      Consumer<EngineStatus> onChange) {
    this.runtime = runtime;
    this.pinger = pinger;
    this.clock = clock;
    this.onClose = onClose;
    this.onChange = onChange;
  }

  /**
   * Pinging on a daemon thread of its own and checking every {@link #PERIOD} on another, both
   * ended by {@link #close()}; {@code onChange} hears each change of {@link #status()}.
   */
  static EngineHealth onItsOwnThread(
      ContainerRuntime runtime, Clock clock, Consumer<EngineStatus> onChange) {
    ExecutorService thread = DaemonThreads.single("tugboat-engine-ping");
    ScheduledExecutorService timer = DaemonThreads.timer("tugboat-engine-watch");
    EngineHealth health = new EngineHealth(runtime, thread, clock, () -> {
      timer.shutdownNow();
      thread.shutdownNow();
    }, onChange);
    timer.scheduleWithFixedDelay(() -> {
      try {
        health.check();
      } catch (RuntimeException e) {
        // A throwing task is never run again: the daemon must not stop watching the engine for
        // one bad tick (a listener that failed); the next tick checks again.
      }
    }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return health;
  }

  /** What the last check found; never blocks. */
  EngineStatus status() {
    return status;
  }

  /**
   * Pings if the last answer is stale, and takes a ping that has had no answer for {@link #SLOW}
   * as the engine not answering.
   */
  synchronized void check() {
    reachable();
    // under the lock that answered() takes: a ping that has answered is never taken as slow
    if (underWay != null && !clock.instant().isBefore(underWaySince.plus(SLOW))) {
      silent(underWaySince, "no answer to a ping for " + SLOW.toSeconds() + " s or more", false);
    }
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
    CompletableFuture<Optional<String>> ping = underWay;
    if (ping == null) {
      CompletableFuture<Optional<String>> started =
          CompletableFuture.supplyAsync(this::ping, pinger);
      underWay = started;
      underWaySince = now;
      // runs at once, on this thread, when the ping has already ended (an engine that refuses
      // at once): underWay is cleared again, so the answer below is this ping's, not a field's
      started.whenComplete((failed, error) -> answered(started, now,
          failed != null ? failed : Optional.of(String.valueOf(error))));
      ping = started;
    }
    // a copy, so a caller's timeout cannot complete the ping that others wait on
    return ping.thenApply(Optional::isEmpty);
  }

  private Optional<String> ping() {
    try {
      runtime.ping();
      return Optional.empty();
    } catch (RuntimeFailure e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Keeps the first moment of an outage. A ping that failed says why, and its words replace the
   * reason; a slow ping only starts an outage, it says nothing new during one.
   */
  private synchronized void silent(Instant since, String reason, boolean failed) {
    EngineStatus was = status;
    if (was.answering()) {
      changed(EngineStatus.notAnswering(since, reason));
    } else if (failed && !was.reason().equals(reason)) {
      changed(EngineStatus.notAnswering(was.since(), reason));
    }
  }

  private void changed(EngineStatus next) {
    status = next;
    onChange.accept(next);
  }

  private synchronized void answered(
      CompletableFuture<Optional<String>> ping, Instant asked, Optional<String> failure) {
    last = new Answer(failure.isEmpty(), clock.instant());
    if (underWay == ping) {
      underWay = null;
    }
    failure.ifPresentOrElse(reason -> silent(asked, reason, true), () -> {
      if (!status.answering()) {
        changed(EngineStatus.ANSWERING);
      }
    });
  }
}
