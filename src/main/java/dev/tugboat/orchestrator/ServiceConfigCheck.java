package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.Mount;
import dev.tugboat.trigger.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a container Swarm runs cannot have: the options a Swarm service of Docker 20.10 has no
 * field for, or that name things on this host alone (another container's volumes, its network
 * namespace, its address on the bridge, host directories, which Tugboat makes and gives their
 * mode and owner on this host only); and the triggers that would have to reach into a task on
 * another node (exec, output, health). Refused before anything starts, rather than run otherwise
 * than the spec says.
 */
final class ServiceConfigCheck {

  /** What the loop can tell of a task on any node: its state, and a published port's answer. */
  static final Set<TriggerKind> TRIGGERS = Set.of(TriggerKind.CONTAINER_START,
      TriggerKind.CONTAINER_STOP, TriggerKind.CONTAINER_EXIT, TriggerKind.PORT_LISTEN);

  private ServiceConfigCheck() {}

  /** One thing a service cannot have, and the field that asks for it. */
  private record Refused(String what, String field) {}

  /** Throws {@link Launcher.LaunchException} naming every option {@code config} cannot keep. */
  static void check(ContainerConfig config, Rendering r) {
    List<Refused> refused = new ArrayList<>();
    refuseIf(config.privileged(), "privileged", r, refused);
    refuseIf(!config.networkMode().isEmpty(), "network_mode", r, refused);
    refuseIf(!config.volumesFrom().isEmpty(), "volumes_from", r, refused);
    refuseIf(!config.pidMode().isEmpty(), "pid_mode", r, refused);
    refuseIf(!config.links().isEmpty(), "links", r, refused);
    refuseIf(!config.ipv4Address().isEmpty(), "ipv4_address", r, refused);
    refuseIf(!config.ipv6Address().isEmpty(), "ipv6_address", r, refused);
    refuseIf(!config.ulimits().isEmpty(), "ulimits", r, refused);
    refuseIf(config.oomKillDisable(), "oom_kill_disable", r, refused);
    refuseIf(config.memorySwapBytes() != 0, "memory_swap_limit", r, refused);
    refuseIf(config.shmSizeBytes() != 0, "shm_size", r, refused);
    refuseIf(!config.securityOpts().isEmpty(), "security_options", r, refused);
    refuseIf(!config.capAdd().isEmpty(), "security_cap_add", r, refused);
    refuseIf(config.cpuShares() != 0, "cpu_shares", r, refused);
    // Tugboat makes host directories and gives them their mode and owner on this host only.
    if (config.mounts().stream().anyMatch(m -> m instanceof Mount.Bind bind
        && !bind.access().isNone())) {
      refused.add(new Refused("a volume's permission or owner", r.path("volumes")));
    }
    if (!config.hostDirectories().isEmpty()) {
      String container = r.path("volumes");
      refused.add(new Refused("its component's host_volumes",
          container.substring(0, container.lastIndexOf(".containers[")) + ".host_volumes"));
    }
    if (!refused.isEmpty()) {
      throw new Launcher.LaunchException(refused.get(0).field() + ": a container of a clustered "
          + "component runs as a Swarm service, which cannot have " + String.join(", ",
              refused.stream().map(Refused::what).toList())
          + ": remove " + (refused.size() == 1 ? "it" : "them") + ", or run the component on this "
          + "host (cluster: false)");
    }
  }

  private static void refuseIf(boolean set, String field, Rendering r, List<Refused> refused) {
    if (set) {
      refused.add(new Refused(field, r.path(field)));
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
