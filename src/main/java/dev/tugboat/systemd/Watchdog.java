package dev.tugboat.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Feeds systemd's watchdog ({@code WatchdogSec=}) only while the service really works: at each
 * tick it pings when every {@link Liveness} part answered its last probe, or has had it for less
 * than its patience, and posts the next probe to each part that answered. A stuck part stops the
 * pings; systemd then kills the service after {@code WatchdogSec} and restarts it. A process that
 * is stopped or hangs as a whole sends nothing either, which is the case this catches first.
 *
 * <p>Ticks never wait for a probe: a part is asked once and looked at again on the next tick, so
 * the watchdog's own thread cannot be stuck by a part. The log says when the pings stop and why,
 * and when they start again; nothing on every tick.
 */
public final class Watchdog implements AutoCloseable {

  private final List<Part> parts = new ArrayList<>();
  private final Runnable ping;
  private final LongSupplier nanoTime;
  private final Consumer<String> warn;
  private final Consumer<String> info;
  private final ScheduledExecutorService timer;
  private boolean withholding;

  /**
   * A watchdog of {@code parts} that calls {@code ping} (e.g. {@link SystemdNotifier#watchdog})
   * when they all work; not ticking until {@link #start}. {@code nanoTime} is a monotonic time
   * ({@code System::nanoTime}): a wall clock set back would make a stuck part look patient.
   */
  public Watchdog(List<Liveness> parts, Runnable ping, LongSupplier nanoTime,
      Consumer<String> warn, Consumer<String> info) {
    parts.forEach(part -> this.parts.add(new Part(part)));
    this.ping = ping;
    this.nanoTime = nanoTime;
    this.warn = warn;
    this.info = info;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "tugboat-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * How often to ping when systemd asked for a watchdog ({@code $WATCHDOG_USEC}) for this process
   * ({@code $WATCHDOG_PID} unset or {@code pid}): half the watchdog's time, as {@code
   * sd_watchdog_enabled} advises.
   */
  public static Optional<Duration> interval(Map<String, String> env, long pid) {
    String forPid = env.getOrDefault("WATCHDOG_PID", "");
    if (!forPid.isEmpty() && !forPid.equals(Long.toString(pid))) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", ""));
      return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000 / 2)) : Optional.empty();
    } catch (NumberFormatException notSet) {
      return Optional.empty();
    }
  }

  /** Ticks now and then every {@code interval}, on its own thread, until {@link #close}. */
  public void start(Duration interval) {
    timer.scheduleAtFixedRate(this::tickOrWarn, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  // A task of a fixed-rate executor that throws is never run again: the pings would stop for good.
  private void tickOrWarn() {
    try {
      tick();
    } catch (RuntimeException e) {
      warn.accept("the watchdog's tick failed (it ticks again): " + e);
    }
  }

  /** Looks at every part, pings if they all work, and asks again the parts that answered. */
  synchronized void tick() {
    long now = nanoTime.getAsLong();
    List<String> stuck = new ArrayList<>();
    for (Part part : parts) {
      part.check(now).ifPresent(stuck::add);
    }
    if (stuck.isEmpty()) {
      ping.run();
      if (withholding) {
        info.accept("systemd's watchdog is pinged again: every part of the daemon answers");
      }
      withholding = false;
    } else if (!withholding) {
      withholding = true;
      warn.accept("systemd's watchdog is not pinged: " + String.join("; ", stuck)
          + "; systemd restarts the daemon if this lasts its WatchdogSec");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** One part and its last probe; only {@link #tick} touches it. */
  private final class Part {
    private final Liveness liveness;
    private CompletableFuture<?> probe;
    private long askedAt;

    Part(Liveness liveness) {
      this.liveness = liveness;
    }

    /** Why the part is stuck, if it is; asks it again once it answered. */
    Optional<String> check(long now) {
      if (probe == null) {
        ask(now);
        return Optional.empty();
      }
      if (!probe.isDone()) {
        Duration waited = Duration.ofNanos(now - askedAt);
        return waited.compareTo(liveness.patience()) < 0 ? Optional.empty()
            : Optional.of(liveness.name() + " has not answered for " + waited.toSeconds()
                + " s (patience " + liveness.patience().toSeconds() + " s)");
      }
      Optional<String> failed = probe.isCompletedExceptionally()
          ? Optional.of(liveness.name() + " failed to answer: " + failure(probe))
          : Optional.empty();
      ask(now);
      return failed;
    }

    private void ask(long now) {
      askedAt = now;
      try {
        probe = liveness.probe().get();
      } catch (RuntimeException refused) {
        probe = CompletableFuture.failedFuture(refused);
      }
    }
  }

  private static String failure(CompletableFuture<?> probe) {
    return probe.handle((result, e) -> {
      Throwable cause = e instanceof java.util.concurrent.CompletionException
          && e.getCause() != null ? e.getCause() : e;
      return String.valueOf(cause);
    }).join();
  }
}
