package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.tugboat.runtime.ServiceSlot;
import dev.tugboat.runtime.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

  private final SwarmApi api;
  private final SwarmServiceSlots slots;
  private final SwarmTaskLogs taskLogs;
  private final ContainerRuntime local;
  private final Clock clock;
  private final Duration poll;
  private final SwarmServiceMaker maker;
  private final java.util.Set<SwarmTaskWatch> watches = ConcurrentHashMap.newKeySet();
  private volatile String localNode;
  private final SwarmManagerCheck manager;

  /** {@code managesSwarm} asks the engine whether it is a swarm manager ({@code /info}). */
  DockerServiceSlots(SwarmApi api, SwarmTaskLogs taskLogs, ContainerRuntime local,
      java.util.function.BooleanSupplier managesSwarm, Clock clock, Duration poll) {
    this.api = api;
    this.slots = new SwarmServiceSlots(api);
    this.maker = new SwarmServiceMaker(api, slots);
    this.manager = new SwarmManagerCheck(managesSwarm, System::nanoTime);
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
  public dev.tugboat.runtime.ImageRemoval removeUnusedImage(String image) {
    return local.removeUnusedImage(image);
  }

  @Override
  public ContainerId create(ContainerConfig config) {
    return maker.remember(config);
  }

  @Override
  public void copyFiles(ContainerId id, List<FileToCopy> files) {
    maker.addFiles(id, slotOf(id), files);
  }

  @Override
  public void start(ContainerId id) {
    maker.start(id, slotOf(id));
    manager.sawManager();
  }

  /** Makes the app's attachable overlay network unless it is there already. */
  void ensureNetwork(String network, String app) {
    maker.ensureNetwork(network, app);
  }

  /** Removes the app's overlay network; one still in use or already gone is left as it is. */
  public void removeNetwork(String network) {
    api.removeNetwork(network);
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

  /** A task may run on any node of the swarm, where no call of this host reaches it. */
  @Override
  public void pause(ContainerId id) {
    throw notOnThisHost(id, "pause");
  }

  @Override
  public void unpause(ContainerId id) {
    throw notOnThisHost(id, "unpause");
  }

  private static RuntimeFailure notOnThisHost(ContainerId id, String action) {
    return new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, "cannot " + action + " "
        + id + ": it is a task of a swarm service, which may run on another node");
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
      maker.scale(service.get(), 0, "stop " + slot.displayName());
    }
  }

  @Override
  public void remove(ContainerId id) {
    ServiceSlot slot = slotOf(id);
    api.removeService(slot.service());
    for (JsonNode config : api.configs(Map.of(SwarmConfigFiles.SERVICE_LABEL, slot.service()))) {
      api.removeConfig(config.path("ID").asText());
    }
    maker.forget(slot.service());
  }

  @Override
  public Optional<ContainerInfo> inspect(ContainerId id) {
    ServiceSlot slot = slotOf(id);
    Optional<SwarmSlotTasks> tasks = slots.slot(slot);
    if (tasks.isEmpty()) {
      return maker.notStartedYet(slot);
    }
    Optional<ContainerInfo> info = tasks.get().info();
    if (info.isPresent()) {
      return info;
    }
    // The service exists but the slot has no task: not made yet, or removed by a stop.
    return Optional.of(taskless(slot, tasks.get().service().image(), tasks.get().labels(),
        tasks.get().service().network(), tasks.get().state()));
  }

  static ContainerInfo taskless(ServiceSlot slot, String image,
      Map<String, String> labels, String network, ContainerState state) {
    return new ContainerInfo(slot.id(), slot.displayName(), image, labels, state,
        java.util.OptionalInt.empty(), Optional.empty(), Optional.empty(), network,
        Optional.empty(), List.of(), dev.tugboat.runtime.HealthStatus.NONE, false);
  }

  @Override
  public List<ContainerSummary> listByLabels(Map<String, String> labels) {
    if (!manager.manages()) {
      // Services there are none to list; asking would be refused (and retried a second later).
      return maker.notStartedMatching(labels, java.util.Set.of());
    }
    List<ContainerSummary> found = new ArrayList<>();
    java.util.Set<String> onSwarm = new java.util.HashSet<>();
    for (SwarmSlotTasks slot : slots.slotsMatching(labels)) {
      onSwarm.add(slot.service().name());
      ContainerState state = slot.state();
      found.add(new ContainerSummary(slot.serviceSlot().id(), slot.serviceSlot().displayName(),
          slot.service().image(), slot.labels(), state));
    }
    found.addAll(maker.notStartedMatching(labels, onSwarm));
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
