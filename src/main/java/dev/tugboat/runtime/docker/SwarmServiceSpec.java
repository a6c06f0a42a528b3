package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.ServicePlacement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Swarm service spec (Engine API 1.41 JSON) of a clustered container: what every slot's task
 * runs, and the placement facts read back later kept as service labels under {@value #PREFIX}.
 */
final class SwarmServiceSpec {

  /** Service labels that carry the placement, so a daemon that restarted can read it back. */
  static final String PREFIX = "dev.tugboat.swarm.";
  static final String REPLICAS = PREFIX + "replicas";
  static final String SLOT_LABEL = PREFIX + "slot-label";
  static final String JOB = PREFIX + "job";
  static final String NETWORK = PREFIX + "network";

  /**
   * Swarm reruns a replicated job's failed task whenever the restart policy does not cap its
   * attempts, even with condition {@code none} (measured on 20.10: a task that exits 3 ran 8 times
   * in 12 s); one attempt is what "never restart" means there.
   */
  static final int NO_RESTART_ATTEMPTS = 1;

  private SwarmServiceSpec() {}

  /** A config file the service's tasks get, by the Swarm config that holds it. */
  record ConfigFile(String configId, String configName, String path, int uid, int gid, int mode) {}

  /** The labels of the service and its containers: the config's, without the slot's number. */
  static Map<String, String> sharedLabels(ContainerConfig config, ServicePlacement placement) {
    Map<String, String> labels = new TreeMap<>(config.labels());
    labels.remove(placement.slotLabel());
    return labels;
  }

  /** The prefix of the labels Tugboat puts on what it runs. */
  static final String TUGBOAT_LABELS = "dev.tugboat.";

  static ObjectNode of(ContainerConfig config, ServicePlacement placement,
      List<ConfigFile> files) {
    ObjectNode spec = SwarmApi.json().createObjectNode();
    spec.put("Name", placement.service());
    ObjectNode labels = spec.putObject("Labels");
    Map<String, String> shared = sharedLabels(config, placement);
    shared.forEach(labels::put);
    labels.put(REPLICAS, String.valueOf(placement.replicas()));
    labels.put(SLOT_LABEL, placement.slotLabel());
    labels.put(JOB, String.valueOf(placement.job()));
    labels.put(NETWORK, placement.network());

    ObjectNode template = spec.putObject("TaskTemplate");
    template.set("ContainerSpec", container(config, shared, files));
    resources(config, template);
    logDriver(config, template);
    ObjectNode restart = template.putObject("RestartPolicy");
    switch (placement.restart()) {
      case NONE -> restart.put("Condition", "none").put("MaxAttempts", NO_RESTART_ATTEMPTS);
      case ON_FAILURE -> restart.put("Condition", "on-failure")
          .put("MaxAttempts", placement.maxAttempts());
      case ANY -> restart.put("Condition", "any").put("MaxAttempts", placement.maxAttempts());
    }
    ObjectNode where = template.putObject("Placement");
    ArrayNode constraints = where.putArray("Constraints");
    placement.constraints().forEach(constraints::add);
    where.put("MaxReplicas", 1);
    if (!placement.network().isEmpty()) {
      template.putArray("Networks").addObject().put("Target", placement.network());
    }

    ObjectNode mode = spec.putObject("Mode");
    if (placement.job()) {
      mode.putObject("ReplicatedJob").put("MaxConcurrent", placement.replicas())
          .put("TotalCompletions", placement.replicas());
    } else {
      mode.putObject("Replicated").put("Replicas", placement.replicas());
    }
    // dnsrr: the service's virtual IP did not answer across the nested test nodes, and a task is
    // probed at its own address anyway. Ports are published on each task's node (host mode).
    ObjectNode endpoint = spec.putObject("EndpointSpec").put("Mode", "dnsrr");
    ArrayNode ports = endpoint.putArray("Ports");
    for (PortMapping port : config.ports()) {
      port.hostBinding().ifPresent(binding -> ports.addObject()
          .put("Protocol", port.protocol().name().toLowerCase(java.util.Locale.ROOT))
          .put("TargetPort", port.containerPort())
          .put("PublishedPort", binding.hostPort())
          .put("PublishMode", "host"));
    }
    return spec;
  }

  private static ObjectNode container(ContainerConfig config, Map<String, String> shared,
      List<ConfigFile> files) {
    ObjectNode container = SwarmApi.json().createObjectNode();
    container.put("Image", config.image());
    // Tugboat's own labels stay on the service: on the daemon's node, a task's container carrying
    // them would be listed, and its events taken, as a container of the app's run.
    ObjectNode labels = container.putObject("Labels");
    shared.forEach((key, value) -> {
      if (!key.startsWith(TUGBOAT_LABELS)) {
        labels.put(key, value);
      }
    });
    if (!config.entrypoint().isEmpty()) {
      ArrayNode command = container.putArray("Command");
      config.entrypoint().forEach(command::add);
    }
    if (!config.cmd().isEmpty()) {
      ArrayNode args = container.putArray("Args");
      config.cmd().forEach(args::add);
    }
    if (!config.env().isEmpty()) {
      ArrayNode env = container.putArray("Env");
      config.env().forEach((k, v) -> env.add(k + "=" + v));
    }
    if (!config.hostname().isEmpty()) {
      container.put("Hostname", config.hostname());
    }
    if (!config.user().isEmpty()) {
      container.put("User", config.user());
    }
    if (config.allocateTty()) {
      container.put("TTY", true);
    }
    if (config.readonlyRootfs()) {
      container.put("ReadOnly", true);
    }
    config.stopTimeout().ifPresent(t -> container.put("StopGracePeriod", t.toNanos()));
    if (!config.mounts().isEmpty()) {
      ArrayNode mounts = container.putArray("Mounts");
      for (Mount mount : config.mounts()) {
        ObjectNode m = mounts.addObject();
        if (mount instanceof Mount.Bind bind) {
          m.put("Type", "bind").put("Source", bind.hostPath());
        } else if (mount instanceof Mount.Volume volume) {
          m.put("Type", "volume").put("Source", volume.volumeName());
          if (volume.noCopy()) {
            m.putObject("VolumeOptions").put("NoCopy", true);
          }
        }
        m.put("Target", mount.containerPath()).put("ReadOnly", mount.readOnly());
      }
    }
    if (!files.isEmpty()) {
      ArrayNode configs = container.putArray("Configs");
      for (ConfigFile file : files) {
        ObjectNode c = configs.addObject();
        c.putObject("File").put("Name", file.path()).put("UID", String.valueOf(file.uid()))
            .put("GID", String.valueOf(file.gid())).put("Mode", file.mode());
        c.put("ConfigID", file.configId()).put("ConfigName", file.configName());
      }
    }
    return container;
  }

  private static void logDriver(ContainerConfig config, ObjectNode template) {
    if (!config.logging().isEngineDefault()) {
      ObjectNode driver = template.putObject("LogDriver").put("Name", config.logging().driver());
      ObjectNode options = driver.putObject("Options");
      config.logging().options().forEach(options::put);
    }
  }

  private static void resources(ContainerConfig config, ObjectNode template) {
    if (config.memoryBytes() > 0) {
      template.putObject("Resources").putObject("Limits")
          .put("MemoryBytes", config.memoryBytes());
    }
  }
}
