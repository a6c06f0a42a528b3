package dev.tugboat.spec;

import java.util.OptionalInt;

/**
 * A {@code ports} entry. Ports are kept as written (they may be templates); an absent
 * {@code public_port} is empty: the port is exposed but not bound on the host.
 */
public record PortSpec(
    String privatePort, String publicPort, String interfaceName, String portType, String when) {

  /** The private port as a number when it is a literal one. */
  public OptionalInt privatePortNumber() {
    return Numbers.parsePort(privatePort);
  }

  /** The public port as a number when it is a literal one. */
  public OptionalInt publicPortNumber() {
    return Numbers.parsePort(publicPort);
  }
}
