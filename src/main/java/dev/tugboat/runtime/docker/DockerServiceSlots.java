package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.EngineResources;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.HostFacts;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogListener;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.runtime.ServiceSlot;
import dev.tugboat.runtime.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ContainerRuntime} whose containers are the task slots of Swarm services: each clustered
 * container is one service, and its instance {@code N} is the service's slot {@code N}. A job
 * cannot exist "created, not started", so create only remembers the config, and the first start
 * of any slot makes the service (once, whatever the number of slots started at once). Stopping is
 * service-wide: a replicated service is scaled to 0, a job removed. Events come from polling the
 * tasks ({@link SwarmTaskWatch}).
 *
 * <p>Only the calls that name a slot are this runtime's: {@link #ping}, {@link #hostFacts},
 * {@link #engineResources}, {@link #inspectImage} and {@link #pullImage} answer for the daemon's
 * own engine (the manager), as the local runtime does. Thread-safe.
 */
public final class DockerServiceSlots implements ContainerRuntime {

  /** How often a stop looks whether the slot's task ended, and the watch polls the tasks. */
  static final Duration POLL = Duration.ofMillis(250);
  /** A stop waits for the grace period plus this for Swarm to see the task end. */
  static final Duration STOP_MARGIN = Duration.ofSeconds(20);

  /** A config as create() was given it, with the files to write before the service starts. */
  private record Remembered(ContainerConfig config, ServicePlacement placement,
      Map<String, FileToCopy> files) {}

  private final SwarmApi api;
  private final SwarmServiceSlots slots;
  private final SwarmTaskLogs taskLogs;
  private final ContainerRuntime local;
  private final Clock clock;
  private final Duration poll;
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  /** Services made here: a remembered config of one that is gone is no created container. */
  private final java.util.Set<String> made = ConcurrentHashMap.newKeySet();
  private final java.util.Set<SwarmTaskWatch> watches = ConcurrentHashMap.newKeySet();
  private volatile String localNode;

  DockerServiceSlots(SwarmApi api, SwarmTaskLogs taskLogs, ContainerRuntime local, Clock clock,
      Duration poll) {
    this.api = api;
    this.slots = new SwarmServiceSlots(api);
    this.taskLogs = taskLogs;
    this.local = local;
    this.clock = clock;
    this.poll = poll;
  }

  @Override
  public void ping() {
    local.ping();
  }

  @Override
  public HostFacts hostFacts() {
    return local.hostFacts();
  }

  @Override
  public EngineResources engineResources() {
    return local.engineResources();
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) {
    return local.inspectImage(image);
  }

  @Override
  public void pullImage(String image, Optional<RegistryCredentials> credentials) {
    local.pullImage(image, credentials);
  }

  @Override
  public ContainerId create(ContainerConfig config) {
    ServicePlacement placement = config.placement().orElseThrow(() ->
        new IllegalArgumentException(config.displayName() + " has no swarm placement: create it"
            + " as a container on this host"));
    remembered.merge(placement.service(),
        new Remembered(config, placement, new LinkedHashMap<>()), (before, now) -> before);
    return ServiceSlot.of(placement).id();
  }

  @Override
  public void copyFiles(ContainerId id, List<FileToCopy> files) {
    ServiceSlot slot = slotOf(id);
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

  @Override
  public void start(ContainerId id) {
    ServiceSlot slot = slotOf(id);
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
        createService(config);
      } else if (!service.get().job() && service.get().runningReplicas() == 0) {
        scale(service.get(), service.get().replicas(), "start " + slot.displayName());
      }
    } finally {
      lock.unlock();
    }
  }

  private void createService(Remembered config) {
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

  /** Removes the app's overlay network; one still in use or already gone is left as it is. */
  public void removeNetwork(String network) {
    api.removeNetwork(network);
  }

  /** Writes the replicas of a replicated service, read again if another change came first. */
  private void scale(SwarmServiceFacts service, int replicas, String action) {
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

  @Override
  public void stop(ContainerId id, Duration timeout) {
    ServiceSlot slot = slotOf(id);
    signalStop(id);
    Instant deadline = clock.instant().plus(timeout).plus(STOP_MARGIN);
    while (slots.slot(slot).filter(tasks -> tasks.current()
        .filter(task -> tasks.stateOf(task) != ContainerState.EXITED).isPresent()).isPresent()) {
      if (clock.instant().isAfter(deadline)) {
        throw RuntimeFailure.timedOut("the task of " + slot.displayName() + " still runs "
            + Duration.between(deadline.minus(timeout).minus(STOP_MARGIN), clock.instant())
                .toSeconds() + " s after its service was stopped (is its node reachable? see"
            + " `docker service ps " + slot.service() + "`)");
      }
      sleep();
    }
  }

  @Override
  public void signalStop(ContainerId id) {
    ServiceSlot slot = slotOf(id);
    Optional<SwarmServiceFacts> service = slots.service(slot.service());
    if (service.isEmpty()) {
      return;
    }
    if (service.get().job()) {
      // A job cannot be scaled: removing it kills its tasks.
      api.removeService(slot.service());
    } else if (service.get().runningReplicas() > 0) {
      scale(service.get(), 0, "stop " + slot.displayName());
    }
  }

  @Override
  public void remove(ContainerId id) {
    ServiceSlot slot = slotOf(id);
    api.removeService(slot.service());
    for (JsonNode config : api.configs(Map.of(SwarmConfigFiles.SERVICE_LABEL, slot.service()))) {
      api.removeConfig(config.path("ID").asText());
    }
    remembered.remove(slot.service());
    made.remove(slot.service());
  }

  @Override
  public Optional<ContainerInfo> inspect(ContainerId id) {
    ServiceSlot slot = slotOf(id);
    Optional<SwarmSlotTasks> tasks = slots.slot(slot);
    if (tasks.isEmpty()) {
      return notStartedYet(slot);
    }
    Optional<ContainerInfo> info = tasks.get().info();
    if (info.isPresent()) {
      return info;
    }
    // The service exists but the slot has no task: not made yet, or removed by a stop.
    return Optional.of(taskless(slot, tasks.get().service().image(), tasks.get().labels(),
        tasks.get().service().network(), tasks.get().state()));
  }

  /** A slot created but not started: nothing is on the swarm yet. */
  private Optional<ContainerInfo> notStartedYet(ServiceSlot slot) {
    Remembered config = remembered.get(slot.service());
    if (config == null || made.contains(slot.service())
        || slot.slot() > config.placement().replicas()) {
      // a stopped job's service is removed: its slots are gone, not waiting to start
      return Optional.empty();
    }
    return Optional.of(taskless(slot, config.config().image(), slotLabels(config, slot),
        config.placement().network(), ContainerState.CREATED));
  }

  private static ContainerInfo taskless(ServiceSlot slot, String image,
      Map<String, String> labels, String network, ContainerState state) {
    return new ContainerInfo(slot.id(), slot.displayName(), image, labels, state,
        java.util.OptionalInt.empty(), Optional.empty(), Optional.empty(), network,
        Optional.empty(), List.of(), dev.tugboat.runtime.HealthStatus.NONE, false);
  }

  private static Map<String, String> slotLabels(Remembered config, ServiceSlot slot) {
    Map<String, String> labels = new java.util.TreeMap<>(
        SwarmServiceSpec.sharedLabels(config.config(), config.placement()));
    if (!config.placement().slotLabel().isEmpty()) {
      labels.put(config.placement().slotLabel(), String.valueOf(slot.slot()));
    }
    return labels;
  }

  @Override
  public List<ContainerSummary> listByLabels(Map<String, String> labels) {
    List<ContainerSummary> found = new ArrayList<>();
    java.util.Set<String> onSwarm = new java.util.HashSet<>();
    for (SwarmSlotTasks slot : slots.slotsMatching(labels)) {
      onSwarm.add(slot.service().name());
      ContainerState state = slot.state();
      found.add(new ContainerSummary(slot.serviceSlot().id(), slot.serviceSlot().displayName(),
          slot.service().image(), slot.labels(), state));
    }
    remembered.forEach((service, config) -> {
      if (onSwarm.contains(service) || made.contains(service)
          || slots.service(service).isPresent()) {
        return;
      }
      for (int n = 1; n <= config.placement().replicas(); n++) {
        ServiceSlot slot = new ServiceSlot(service, n);
        Map<String, String> slotLabels = slotLabels(config, slot);
        if (slotLabels.entrySet().containsAll(labels.entrySet())) {
          found.add(new ContainerSummary(slot.id(), slot.displayName(), config.config().image(),
              slotLabels, ContainerState.CREATED));
        }
      }
    });
    return found;
  }

  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    return local.exec(localContainer(id, "run a command in"), request);
  }

  @Override
  public List<LogLine> logs(ContainerId id, int tailLines) {
    ServiceSlot slot = slotOf(id);
    JsonNode task = currentTask(slot);
    String container = containerOf(task);
    if (task.path("NodeID").asText().equals(localNode()) && !container.isEmpty()) {
      return local.logs(ContainerId.of(container), tailLines);
    }
    return taskLogs.tail(SwarmSlotTasks.id(task), slot.displayName(), tailLines);
  }

  @Override
  public Subscription followLogs(ContainerId id, LogListener listener) {
    return local.followLogs(localContainer(id, "follow the log of"), listener);
  }

  @Override
  public Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    SwarmTaskWatch watch = new SwarmTaskWatch(slots, filter, listener, clock, poll,
        watches::remove);
    watches.add(watch);
    return watch.start();
  }

  /** Ends the open subscriptions; the engine's client is the local runtime's to close. */
  @Override
  public void close() {
    List.copyOf(watches).forEach(SwarmTaskWatch::close);
  }

  /** The container of the slot's task, which must run on the daemon's own node. */
  private ContainerId localContainer(ContainerId id, String what) {
    ServiceSlot slot = slotOf(id);
    JsonNode task = currentTask(slot);
    String node = task.path("NodeID").asText("");
    String container = containerOf(task);
    if (!node.equals(localNode())) {
      SwarmNodeView nodes = slots.nodes();
      throw new RuntimeFailure(RuntimeFailure.Kind.ENGINE_ERROR, "cannot " + what + " "
          + slot.displayName() + ": its task runs on node " + nodes.hostname(node) + ", and the"
          + " daemon reaches only the containers of its own node (" + nodes.hostname(localNode())
          + "); read its log with `tugboat logs`, or run the command with `docker exec` on that"
          + " node");
    }
    if (container.isEmpty()) {
      throw RuntimeFailure.noSuchContainer(id);
    }
    return ContainerId.of(container);
  }

  private JsonNode currentTask(ServiceSlot slot) {
    return slots.slot(slot).flatMap(SwarmSlotTasks::current)
        .orElseThrow(() -> RuntimeFailure.noSuchContainer(slot.id()));
  }

  private static String containerOf(JsonNode task) {
    return task.path("Status").path("ContainerStatus").path("ContainerID").asText("");
  }

  private String localNode() {
    String node = localNode;
    if (node == null) {
      node = api.localNodeId();
      localNode = node;
    }
    return node;
  }

  private static ServiceSlot slotOf(ContainerId id) {
    return ServiceSlot.parse(id).orElseThrow(() -> new IllegalArgumentException(
        id + " is not a swarm service's slot: it is a container on this host"));
  }

  private void sleep() {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RuntimeFailure.timedOut("interrupted while waiting for a swarm task to stop");
    }
  }
}
