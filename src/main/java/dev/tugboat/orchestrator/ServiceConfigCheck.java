package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.trigger.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a container Swarm runs cannot have: the options a Swarm service of Docker 20.10 has no
 * field for, or that name things on this host alone (another container's volumes, its network
 * namespace, its address on the bridge); and the triggers that would have to reach into a task on
 * another node (exec, output, health). Refused before anything starts, rather than run otherwise
 * than the spec says.
 */
final class ServiceConfigCheck {

  /** What the loop can tell of a task on any node: its state, and a published port's answer. */
  static final Set<TriggerKind> TRIGGERS = Set.of(TriggerKind.CONTAINER_START,
      TriggerKind.CONTAINER_STOP, TriggerKind.CONTAINER_EXIT, TriggerKind.PORT_LISTEN);

  private ServiceConfigCheck() {}

  /** Throws {@link Launcher.LaunchException} naming every option {@code config} cannot keep. */
  static void check(ContainerConfig config, Rendering r) {
    List<String> refused = new ArrayList<>();
    if (config.privileged()) {
      refused.add("privileged");
    }
    if (!config.networkMode().isEmpty()) {
      refused.add("network_mode");
    }
    if (!config.volumesFrom().isEmpty()) {
      refused.add("volumes_from");
    }
    if (!config.pidMode().isEmpty()) {
      refused.add("pid_mode");
    }
    if (!config.links().isEmpty()) {
      refused.add("links");
    }
    if (!config.ipv4Address().isEmpty()) {
      refused.add("ipv4_address");
    }
    if (!config.ipv6Address().isEmpty()) {
      refused.add("ipv6_address");
    }
    if (!config.ulimits().isEmpty()) {
      refused.add("ulimits");
    }
    if (config.oomKillDisable()) {
      refused.add("oom_kill_disable");
    }
    if (config.memorySwapBytes() != 0) {
      refused.add("memory_swap_limit");
    }
    if (config.shmSizeBytes() != 0) {
      refused.add("shm_size");
    }
    if (!config.securityOpts().isEmpty()) {
      refused.add("security_options");
    }
    if (!config.capAdd().isEmpty()) {
      refused.add("security_cap_add");
    }
    if (config.cpuShares() != 0) {
      refused.add("cpu_shares");
    }
    if (!refused.isEmpty()) {
      throw new Launcher.LaunchException(r.path(refused.get(0)) + ": a container of a clustered "
          + "component runs as a Swarm service, which cannot have " + String.join(", ", refused)
          + ": remove " + (refused.size() == 1 ? "it" : "them") + ", or run the component on this "
          + "host (cluster: false)");
    }
  }

  /**
   * Throws {@link Launcher.LaunchException} when a port-listen event of the container names a port
   * it does not publish: a task is reached at its node's address, on the port its node publishes.
   */
  static void checkProbedPorts(ContainerConfig config, java.util.List<PlannedEvent> published,
      Rendering r) {
    for (PlannedEvent event : published) {
      if (event.trigger().kind() != TriggerKind.PORT_LISTEN) {
        continue;
      }
      String data = event.trigger().data().trim();
      boolean reachable = config.ports().stream().anyMatch(port -> port.hostBinding().isPresent()
          && (String.valueOf(port.containerPort()).equals(data)
              || String.valueOf(port.hostBinding().get().hostPort()).equals(data)));
      if (!reachable) {
        throw new Launcher.LaunchException(r.path("ports") + ": event \"" + event.name()
            + "\" waits for port " + data + " of a container of a clustered component, whose "
            + "tasks this host reaches only at their nodes' addresses, on the ports the nodes "
            + "publish: give port " + data + " a public_port");
      }
    }
  }

  /** Throws {@link PlanException} when a clustered container publishes an event Swarm cannot tell. */
  static void checkTrigger(TriggerKind kind, String event, String field, Rendering r) {
    if (!TRIGGERS.contains(kind)) {
      throw new PlanException(r.path(field + ".trigger") + ": event \"" + event + "\" is published"
          + " by a container of a clustered component, whose tasks run on any node of the swarm; "
          + kind.specName() + " would have to reach into a task on another node: use "
          + "container-start, container-stop or port-listen (on a port with a public_port)");
    }
  }
}
