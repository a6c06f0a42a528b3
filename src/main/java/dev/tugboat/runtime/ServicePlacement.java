package dev.tugboat.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Where a clustered container runs: not on this host but as one slot of a Swarm service, which
 * Swarm places on its nodes (one task per node) and moves when a node goes away. Every instance of
 * the container names the same service; instance {@code slot} is the service's task slot of that
 * number, so the orchestrator keeps counting instances as it does on one host.
 *
 * @param service the service's name: one per clustered container of an app
 * @param replicas how many tasks the service runs, at most one per node
 * @param slot this instance's task slot, 1 to {@code replicas}
 * @param constraints Swarm placement constraints ({@code node.labels.dev.tugboat.tag.db==true})
 * @param job an ephemeral container: a replicated job, whose tasks each run to completion once
 * @param restart what Swarm does when a task's process exits on its own
 * @param maxAttempts restarts Swarm makes for {@link Restart#ON_FAILURE}; 0: no limit
 * @param network the app's attachable overlay network, which the service's tasks join
 * @param slotLabel the label that numbers a container's instances: the service carries the
 *     instance's labels without it, and each slot's listing and events carry it with the slot's
 *     number; empty when a service of one replica needs no number
 */
public record ServicePlacement(String service, int replicas, int slot, List<String> constraints,
    boolean job, Restart restart, int maxAttempts, String network, String slotLabel) {

  /** Swarm's restart conditions, from the container's {@code restart.policy}. */
  public enum Restart { NONE, ON_FAILURE, ANY }

  public ServicePlacement {
    Objects.requireNonNull(service, "service");
    if (service.isBlank()) {
      throw new IllegalArgumentException("a clustered container needs a service name");
    }
    if (replicas < 1) {
      throw new IllegalArgumentException("a service runs at least one task, not " + replicas);
    }
    if (slot < 1 || slot > replicas) {
      throw new IllegalArgumentException("slot " + slot + " is not one of the service's "
          + replicas + " slots");
    }
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(restart, "restart");
    if (job && restart == Restart.ANY) {
      throw new IllegalArgumentException("a job runs to completion once; it cannot restart always");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must be 0 (no limit) or more");
    }
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(slotLabel, "slotLabel");
  }

  /** The same service's placement for another slot. */
  public ServicePlacement forSlot(int otherSlot) {
    return new ServicePlacement(service, replicas, otherSlot, constraints, job, restart,
        maxAttempts, network, slotLabel);
  }
}
