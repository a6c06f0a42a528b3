package dev.tugboat.daemon;

import dev.tugboat.systemd.Liveness;
import dev.tugboat.systemd.SystemdNotifier;
import dev.tugboat.systemd.Watchdog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The daemon as a unit of {@code Type=notify}: ready once the API listens and the app's start is
 * handed to the app supervisor, the watchdog fed while the supervisor and the API's event loop
 * answer, stopping on SIGTERM. Outside systemd it does nothing. Called from the daemon's main and
 * shutdown threads; safe from any.
 */
final class SystemdService implements AutoCloseable {

  /**
   * How long the app supervisor may sit on one task before the watchdog stops being fed. It waits
   * for no run and pulls nothing (a start's preparation and an apply's checks run on workers); its
   * own Docker calls (a new run's subscription and look at what earlier runs left) each have a
   * deadline of 15 s. Two minutes is several of those on an engine that does not answer; a thread
   * stuck for good is still restarted.
   */
  static final Duration CONTROL_PATIENCE = Duration.ofMinutes(2);

  private final SystemdNotifier notifier;
  private final Optional<Duration> interval;
  private final DaemonLog log;
  private volatile Watchdog watchdog;

  SystemdService(SystemdNotifier notifier, Optional<Duration> interval, DaemonLog log) {
    this.notifier = notifier;
    this.interval = interval;
    this.log = log;
  }

  /** The service systemd started, as its environment ({@code env}) and our {@code pid} say. */
  static SystemdService of(Map<String, String> env, long pid, DaemonLog log) {
    SystemdNotifier notifier = SystemdNotifier.fromEnvironment(env, log::warn);
    return new SystemdService(notifier,
        notifier.enabled() ? Watchdog.interval(env, pid) : Optional.empty(), log);
  }

  /**
   * Starts feeding systemd's watchdog, if it asked for one, while {@code control} (a no-op on the
   * app supervisor's thread) answers within {@link #CONTROL_PATIENCE} and {@code api} (a no-op on
   * the API's event loops, which must never block) before the next ping is due.
   */
  void watch(Supplier<CompletableFuture<?>> control, Supplier<CompletableFuture<?>> api) {
    interval.ifPresent(every -> {
      Watchdog started = new Watchdog(List.of(
          new Liveness("the app supervisor", control, CONTROL_PATIENCE),
          new Liveness("the API's event loop", api, every.dividedBy(2))),
          notifier::watchdog, System::nanoTime, log::warn, log::info);
      watchdog = started;
      started.start(every);
      log.info("systemd's watchdog is pinged every " + every.toMillis() + " ms while the daemon"
          + " answers");
    });
  }

  /** The daemon serves; {@code status} is what {@code systemctl status} shows. */
  void ready(String status) {
    notifier.ready(status);
  }

  void status(String status) {
    notifier.status(status);
  }

  /** The daemon is ending on purpose: no more pings, and systemd waits for the exit. */
  void stopping(String status) {
    close();
    notifier.stopping(status);
  }

  @Override
  public void close() {
    Optional.ofNullable(watchdog).ifPresent(Watchdog::close);
  }
}
