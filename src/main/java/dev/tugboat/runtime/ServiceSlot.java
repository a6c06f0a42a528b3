package dev.tugboat.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A task slot of a Swarm service, which stands where a container stands for the orchestrator: its
 * {@link ContainerId} is {@code swarm-slot:SERVICE/SLOT}. Docker's container ids are hex and its
 * names cannot hold a colon, so no container's id or name is ever read as a slot.
 */
public record ServiceSlot(String service, int slot) {

  private static final String PREFIX = "swarm-slot:";

  public ServiceSlot {
    Objects.requireNonNull(service, "service");
    if (service.isBlank() || service.contains("/")) {
      throw new IllegalArgumentException("not a service name: '" + service + "'");
    }
    if (slot < 1) {
      throw new IllegalArgumentException("task slots count from 1, not " + slot);
    }
  }

  public static ServiceSlot of(ServicePlacement placement) {
    return new ServiceSlot(placement.service(), placement.slot());
  }

  /** The slot an id names, or empty for a container's id or name. */
  public static Optional<ServiceSlot> parse(ContainerId id) {
    String value = id.value();
    if (!value.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int slash = value.lastIndexOf('/');
    if (slash <= PREFIX.length()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ServiceSlot(value.substring(PREFIX.length(), slash),
          Integer.parseInt(value.substring(slash + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static boolean isSlot(ContainerId id) {
    return id.value().startsWith(PREFIX);
  }

  public ContainerId id() {
    return ContainerId.of(PREFIX + service + "/" + slot);
  }

  /** How Swarm names the slot's tasks ({@code SERVICE.SLOT}), for messages and the status. */
  public String displayName() {
    return service + "." + slot;
  }
}
