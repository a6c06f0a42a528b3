package dev.tugboat.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A node of the swarm as its manager sees it.
 *
 * @param id the node's id
 * @param hostname the hostname its engine reports
 * @param role manager or worker
 * @param leader whether it is the managers' leader
 * @param availability whether the scheduler may place tasks on it
 * @param state whether its engine answers the managers
 * @param address the address it talks to the swarm from ({@code Status.Addr}); empty when unknown
 * @param engineVersion its Docker Engine's version; empty when unknown
 * @param labels its node labels, tags among them ({@link NodeTags})
 */
public record ClusterNode(String id, String hostname, Role role, boolean leader,
    Availability availability, State state, String address, String engineVersion,
    Map<String, String> labels) {

  public enum Role { MANAGER, WORKER }

  public enum Availability { ACTIVE, PAUSE, DRAIN }

  public enum State { READY, DOWN, UNKNOWN }

  public ClusterNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(state, "state");
    address = Objects.requireNonNullElse(address, "");
    engineVersion = Objects.requireNonNullElse(engineVersion, "");
    labels = Map.copyOf(labels);
  }

  /** The tags its labels carry, sorted. */
  public SortedSet<String> tags() {
    return NodeTags.of(labels);
  }

  /** The same node with other labels (what a tag change leaves). */
  public ClusterNode withLabels(Map<String, String> newLabels) {
    return new ClusterNode(id, hostname, role, leader, availability, state, address,
        engineVersion, newLabels);
  }
}
