package dev.tugboat.orchestrator;

import java.util.Optional;

/** Whether a host port is free, and if not, who holds it. An interface so tests need no sockets. */
@FunctionalInterface
public interface HostPorts {

  /** Empty when the port can be bound; otherwise who holds it, in words. */
  Optional<String> holder(PreflightNeeds.PortNeed port);
}
