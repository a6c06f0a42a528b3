package dev.tugboat.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A container port to expose, and optionally publish on the host.
 *
 * @param containerPort the port inside the container (1..65535)
 * @param protocol tcp or udp
 * @param hostBinding where to publish it on the host; empty: exposed only, not published
 */
public record PortMapping(int containerPort, Protocol protocol, Optional<HostBinding> hostBinding) {
  public PortMapping {
    checkPort(containerPort, "container port");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(hostBinding, "hostBinding");
  }

  /** Exposed only: reachable at the container's own address, not published on the host. */
  public static PortMapping exposed(int containerPort, Protocol protocol) {
    return new PortMapping(containerPort, protocol, Optional.empty());
  }

  /** Published on the host, on every interface, at {@code hostPort}. */
  public static PortMapping published(int containerPort, Protocol protocol, int hostPort) {
    return new PortMapping(containerPort, protocol, Optional.of(HostBinding.anyAddress(hostPort)));
  }

  public boolean isPublished() {
    return hostBinding.isPresent();
  }

  static void checkPort(int port, String what) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " " + port + " is out of range 1..65535");
    }
  }
}
