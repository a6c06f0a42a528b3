package dev.tugboat.trigger;

import dev.tugboat.events.ProbeOutcome;
import java.time.Duration;

/**
 * {@code port-listen}: the service inside the container accepts TCP connections on its private
 * port.
 *
 * <p>Docker's surprise: with a published port, Docker's userland proxy accepts connections on the
 * host port about 30 ms after the container starts, long before the process inside listens (a
 * PostgreSQL still initializing takes about a second more). A connection to the host port proves
 * nothing, so this probes the container's own address on its private port; with host networking
 * that address is the host's. Where {@code data} names a host port rather than a private one (the
 * samples map ports to the same number, but not all specs do), the private port bound to it is
 * probed.
 */
public final class PortListenTrigger implements Trigger {

  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  private final int port;
  private final TcpConnector connector;

  public PortListenTrigger(int port, TcpConnector connector) {
    this.port = port;
    this.connector = connector;
  }

  public static PortListenTrigger fromData(String data) {
    return fromData(data, TcpConnector.sockets());
  }

  public static PortListenTrigger fromData(String data, TcpConnector connector) {
    try {
      return new PortListenTrigger(Integer.parseInt(data.trim()), connector);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "port-listen needs a port number in data (\"5432\"), got \"" + data + "\"", e);
    }
  }

  @Override
  public ProbeOutcome check(Observation publisher) {
    if (publisher.exited()) {
      return ProbeOutcome.failed(publisher.container() + " exited with code "
          + publisher.exitCode().getAsInt() + " before port " + port + " accepted connections");
    }
    if (publisher.address().isEmpty()) {
      return ProbeOutcome.pending(publisher.container() + " has no address yet");
    }
    int target = publisher.probePortFor(port);
    String where = publisher.address() + ":" + target;
    return switch (connector.connect(publisher.address(), target, CONNECT_TIMEOUT)) {
      case ACCEPTED -> ProbeOutcome.passed(where + " accepted a connection");
      case NO_ANSWER -> ProbeOutcome.pending("port " + port + " did not answer at " + where);
      case REFUSED -> ProbeOutcome.pending("port " + port + " refused connections at " + where);
    };
  }
}
