package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.runtime.ServiceSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the Swarm service of a clustered container. A job cannot exist "created, not started",
 * so a create only remembers the config (and the files to write); the first start of any slot
 * makes the service with its network and its files as Swarm configs, once, however many slots
 * start at once. Until then a slot is a created container that only this daemon knows of.
 */
final class SwarmServiceMaker {

  /** A config as create() was given it, with the files to write before the service starts. */
  private record Remembered(ContainerConfig config, ServicePlacement placement,
      Map<String, FileToCopy> files) {

    Map<String, String> slotLabels(ServiceSlot slot) {
      Map<String, String> labels = new TreeMap<>(SwarmServiceSpec.sharedLabels(config, placement));
      if (!placement.slotLabel().isEmpty()) {
        labels.put(placement.slotLabel(), String.valueOf(slot.slot()));
      }
      return labels;
    }
  }

  private final SwarmApi api;
  private final SwarmServiceSlots slots;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  /** Services made here: a remembered config of one that is gone is no created container. */
  private final Set<String> made = ConcurrentHashMap.newKeySet();

  SwarmServiceMaker(SwarmApi api, SwarmServiceSlots slots) {
    this.api = api;
    this.slots = slots;
  }

  ContainerId remember(ContainerConfig config) {
    ServicePlacement placement = config.placement().orElseThrow(() ->
        new IllegalArgumentException(config.displayName() + " has no swarm placement: create it"
            + " as a container on this host"));
    remembered.merge(placement.service(),
        new Remembered(config, placement, new LinkedHashMap<>()), (before, now) -> before);
    return ServiceSlot.of(placement).id();
  }

  void addFiles(ContainerId id, ServiceSlot slot, List<FileToCopy> files) {
    Remembered config = remembered.get(slot.service());
    if (config == null) {
      throw RuntimeFailure.noSuchContainer(id);
    }
    if (api.service(slot.service()).isPresent()) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, "cannot write files into "
          + slot.displayName() + ": it runs as a swarm service, whose files are fixed when it"
          + " starts; remove it and create it again with the files");
    }
    synchronized (config.files()) {
      files.forEach(file -> config.files().put(file.path(), file));
    }
  }

  /** Makes the slot's service if it is not on the swarm; scales a stopped one up again. */
  void start(ContainerId id, ServiceSlot slot) {
    ReentrantLock lock = locks.computeIfAbsent(slot.service(), name -> new ReentrantLock());
    lock.lock();
    try {
      Optional<SwarmServiceFacts> service = slots.service(slot.service());
      if (service.isEmpty()) {
        Remembered config = remembered.get(slot.service());
        if (config == null) {
          throw new RuntimeFailure(RuntimeFailure.Kind.NO_SUCH_CONTAINER, "no such container: "
              + id + " (its service " + slot.service() + " is not on the swarm, and its config"
              + " was not created since the daemon started: create it again)");
        }
        make(config);
      } else if (!service.get().job() && service.get().runningReplicas() == 0) {
        scale(service.get(), service.get().replicas(), "start " + slot.displayName());
      }
    } finally {
      lock.unlock();
    }
  }

  private void make(Remembered config) {
    ServicePlacement placement = config.placement();
    String app = config.config().labels().getOrDefault(ClusterTask.APP_LABEL, "");
    if (!placement.network().isEmpty()) {
      ensureNetwork(placement.network(), app);
    }
    List<FileToCopy> files;
    synchronized (config.files()) {
      files = List.copyOf(config.files().values());
    }
    List<SwarmServiceSpec.ConfigFile> configFiles = new ArrayList<>();
    for (FileToCopy file : files) {
      String name = SwarmConfigFiles.name(placement.service(), file);
      String configId = api.createConfig(name,
          SwarmConfigFiles.spec(name, placement.service(), app, file));
      configFiles.add(new SwarmServiceSpec.ConfigFile(configId, name, file.path(), file.uid(),
          file.gid(), file.mode()));
    }
    api.createService(placement.service(),
        SwarmServiceSpec.of(config.config(), placement, configFiles));
    made.add(placement.service());
  }

  /** Makes the app's attachable overlay network unless it is there already. */
  void ensureNetwork(String network, String app) {
    if (api.network(network).isPresent()) {
      return;
    }
    ObjectNode spec = SwarmApi.json().createObjectNode();
    spec.put("Name", network).put("Driver", "overlay").put("Attachable", true)
        .put("CheckDuplicate", true);
    if (!app.isEmpty()) {
      spec.putObject("Labels").put(ClusterTask.APP_LABEL, app);
    }
    try {
      api.createNetwork(network, spec);
    } catch (RuntimeFailure e) {
      // Two services of the app starting at once both find it missing; the manager refuses the
      // second create ("name conflicts with an existing object"), which leaves what is needed.
      if (api.network(network).isEmpty()) {
        throw e;
      }
    }
  }

  /** Writes the replicas of a replicated service, read again if another change came first. */
  void scale(SwarmServiceFacts service, int replicas, String action) {
    for (int attempt = 1; ; attempt++) {
      JsonNode current = api.service(service.name()).orElse(null);
      if (current == null) {
        return;
      }
      ObjectNode spec = (ObjectNode) current.path("Spec").deepCopy();
      spec.with("Mode").with("Replicated").put("Replicas", replicas);
      try {
        api.updateService(current.path("ID").asText(),
            current.path("Version").path("Index").asLong(), spec, action);
        return;
      } catch (RuntimeFailure e) {
        if (!e.getMessage().contains("out of sequence")
            || attempt == DockerClusterNodes.ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The service was removed: its slots are gone, not waiting to start. */
  void forget(String service) {
    remembered.remove(service);
    made.remove(service);
  }

  /** A slot created but not started: nothing is on the swarm yet. */
  Optional<ContainerInfo> notStartedYet(ServiceSlot slot) {
    Remembered config = remembered.get(slot.service());
    if (config == null || made.contains(slot.service())
        || slot.slot() > config.placement().replicas()) {
      // a stopped job's service is removed: its slots are gone, not waiting to start
      return Optional.empty();
    }
    return Optional.of(DockerServiceSlots.taskless(slot, config.config().image(),
        config.slotLabels(slot), config.placement().network(), ContainerState.CREATED));
  }

  /** The created slots carrying {@code labels} of services not on the swarm ({@code onSwarm}). */
  List<ContainerSummary> notStartedMatching(Map<String, String> labels, Set<String> onSwarm) {
    List<ContainerSummary> found = new ArrayList<>();
    remembered.forEach((service, config) -> {
      if (onSwarm.contains(service) || made.contains(service)
          || slots.service(service).isPresent()) {
        return;
      }
      for (int n = 1; n <= config.placement().replicas(); n++) {
        ServiceSlot slot = new ServiceSlot(service, n);
        Map<String, String> slotLabels = config.slotLabels(slot);
        if (slotLabels.entrySet().containsAll(labels.entrySet())) {
          found.add(new ContainerSummary(slot.id(), slot.displayName(), config.config().image(),
              slotLabels, ContainerState.CREATED));
        }
      }
    });
    return found;
  }
}
