package dev.tugboat.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Tells systemd how the service is, as {@code sd_notify} does: {@code READY=1} (a unit of {@code
 * Type=notify} is started only then), {@code STATUS=} (the line {@code systemctl status} shows),
 * {@code STOPPING=1}, {@code WATCHDOG=1}. Outside systemd ({@code $NOTIFY_SOCKET} unset) every call
 * does nothing. A message that cannot be sent is logged, once until one is sent again, and
 * dropped: the daemon goes on. Safe from any thread.
 */
public final class SystemdNotifier {

  private final Optional<NotifyTransport> transport;
  private final Consumer<String> warn;
  private final AtomicBoolean failing = new AtomicBoolean();

  /** Sends through {@code transport}; failures are told to {@code warn}. */
  public SystemdNotifier(NotifyTransport transport, Consumer<String> warn) {
    this(Optional.of(transport), warn);
  }

  private SystemdNotifier(Optional<NotifyTransport> transport, Consumer<String> warn) {
    this.transport = transport;
    this.warn = warn;
  }

  /**
   * The notifier of a service that systemd started with {@code $NOTIFY_SOCKET} in {@code env};
   * without it (or with a name that is no socket's, which is logged), one that does nothing.
   */
  public static SystemdNotifier fromEnvironment(Map<String, String> env, Consumer<String> warn) {
    String socket = env.getOrDefault("NOTIFY_SOCKET", "");
    if (socket.isEmpty()) {
      return new SystemdNotifier(Optional.empty(), warn);
    }
    try {
      return new SystemdNotifier(UnixDatagramSocket.named(socket), warn);
    } catch (IllegalArgumentException e) {
      warn.accept("NOTIFY_SOCKET is set but not used: " + e.getMessage());
      return new SystemdNotifier(Optional.empty(), warn);
    }
  }

  /** Whether messages go anywhere: the service runs under systemd with a notify socket. */
  public boolean enabled() {
    return transport.isPresent();
  }

  /** The service is up: it answers, and the work it was started for is under way. */
  public void ready(String status) {
    send("READY=1\nSTATUS=" + oneLine(status));
  }

  /** The line {@code systemctl status} shows under the unit. */
  public void status(String status) {
    send("STATUS=" + oneLine(status));
  }

  /** The service is ending on purpose: systemd neither restarts it nor waits for a ping. */
  public void stopping(String status) {
    send("STOPPING=1\nSTATUS=" + oneLine(status));
  }

  /** The service is alive: systemd's watchdog waits another {@code WatchdogSec}. */
  public void watchdog() {
    send("WATCHDOG=1");
  }

  private void send(String message) {
    if (transport.isEmpty()) {
      return;
    }
    try {
      transport.get().send(message.getBytes(StandardCharsets.UTF_8));
      failing.set(false);
    } catch (IOException | RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        warn.accept("cannot notify systemd through " + transport.get() + " ("
            + message.lines().findFirst().orElse("") + "): " + e.getMessage()
            + "; messages that fail after it are not logged until one is sent");
      }
    }
  }

  /** systemd reads a message line by line: a status is one line. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
