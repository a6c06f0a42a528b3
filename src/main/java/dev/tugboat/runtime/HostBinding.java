package dev.tugboat.runtime;

import java.util.Objects;

/**
 * Where a container port is published on the host.
 *
 * @param hostAddress the host IP to bind; empty: every address
 * @param hostInterface a host network interface name (e.g. {@code eth0}) whose IPv4 address to bind
 *     instead of {@code hostAddress}; empty: none. The runtime resolves it when it creates the
 *     container, and fails naming the interface when it has no IPv4 address.
 * @param hostPort the host port; 0: the engine picks a free one
 */
public record HostBinding(String hostAddress, String hostInterface, int hostPort) {
  public HostBinding {
    Objects.requireNonNull(hostAddress, "hostAddress");
    Objects.requireNonNull(hostInterface, "hostInterface");
    if (!hostAddress.isEmpty() && !hostInterface.isEmpty()) {
      throw new IllegalArgumentException(
          "give a host address or a host interface, not both (" + hostAddress + ", "
              + hostInterface + ")");
    }
    if (hostPort != 0) {
      PortMapping.checkPort(hostPort, "host port");
    }
  }

  public static HostBinding anyAddress(int hostPort) {
    return new HostBinding("", "", hostPort);
  }

  public static HostBinding onAddress(String hostAddress, int hostPort) {
    return new HostBinding(hostAddress, "", hostPort);
  }

  public static HostBinding onInterface(String hostInterface, int hostPort) {
    return new HostBinding("", hostInterface, hostPort);
  }

  public boolean enginePicksPort() {
    return hostPort == 0;
  }
}
