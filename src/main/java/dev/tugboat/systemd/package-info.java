/**
 * The service manager's side of the daemon: {@link dev.tugboat.systemd.SystemdNotifier} tells
 * systemd that the service is ready, stopping, or still alive, over the datagram socket in {@code
 * $NOTIFY_SOCKET} ({@link dev.tugboat.systemd.UnixDatagramSocket}, the only code that calls libc,
 * through JNA); {@link dev.tugboat.systemd.Watchdog} pings systemd's watchdog only while the parts
 * of the daemon it is given ({@link dev.tugboat.systemd.Liveness}) answer. Knows nothing of the
 * app, Docker or HTTP.
 *
 * <p>Threading: the notifier is safe from any thread; the watchdog ticks on its own thread and
 * never waits for a part.
 */
package dev.tugboat.systemd;
