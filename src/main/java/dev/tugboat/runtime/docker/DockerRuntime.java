package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.HostFacts;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.ImageInfo;
import dev.tugboat.runtime.JoinedEvents;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.LogListener;
import dev.tugboat.runtime.RegistryCredentials;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.ServiceSlot;
import dev.tugboat.runtime.Subscription;
import dev.tugboat.runtime.VolumeArchive;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ContainerRuntime} on the Docker Engine. Connecting does not contact the engine: call
 * {@link #ping()} to find out whether it answers.
 */
public final class DockerRuntime implements ContainerRuntime {
  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerEngine engine;
  private final DockerImages images;
  private final DockerContainers containers;
  private final HostPaths hostPaths;
  private final DockerExec exec;
  private final DockerLogs logs;
  private final DockerEventStream events;
  private final DockerImageArchive archive;
  private final DockerVolumeArchive volumes;
  private final SwarmApi swarm;
  private final DockerClusterNodes clusterNodes;
  private final DockerServiceSlots serviceSlots;
  private final DockerFailures failures;
  private final DockerDeadlines deadlines;

  private DockerRuntime(DockerClient client, DockerHost host, HostInterfaces interfaces,
      DockerDeadlines deadlines) {
    DockerFailures failures = new DockerFailures(host);
    this.client = client;
    this.calls = new DockerCalls(host.uri(), deadlines);
    this.engine = new DockerEngine(client, calls, failures, host, interfaces);
    this.images = new DockerImages(client, calls, failures);
    this.containers = new DockerContainers(client, calls, failures, interfaces);
    this.hostPaths = new HostPaths(host, java.nio.file.FileSystems.getDefault());
    this.exec = new DockerExec(client, calls, failures);
    this.logs = new DockerLogs(client, deadlines, failures);
    this.events = new DockerEventStream(client, failures);
    this.archive = new DockerImageArchive(client, calls, failures);
    this.volumes = new DockerVolumeArchive(client, calls, failures, host, new LocalData(),
        message -> System.err.println("tugboat: warning: " + message));
    this.swarm = new SwarmApi(DockerRawApi.under(client), calls, failures);
    this.clusterNodes = new DockerClusterNodes(client, swarm, calls, failures);
    this.failures = failures;
    this.deadlines = deadlines;
    this.serviceSlots = serviceSlots(java.time.Clock.systemUTC(), DockerServiceSlots.POLL);
  }

  /** Connects to the engine at {@code host}. */
  public static DockerRuntime connect(DockerHost host) {
    return connect(host, DockerDeadlines.DEFAULT);
  }

  static DockerRuntime connect(DockerHost host, DockerDeadlines deadlines) {
    return new DockerRuntime(DockerClients.connect(host), host, HostInterfaces.ofThisMachine(),
        deadlines);
  }

  /** Connects to {@code explicitHost}, else {@code DOCKER_HOST}, else the local socket. */
  public static DockerRuntime connect(Optional<String> explicitHost) {
    return connect(DockerHost.resolve(explicitHost, System.getenv()));
  }

  /** Images saved to and loaded from archives on this engine (air-gapped installs). */
  public dev.tugboat.runtime.ImageArchive imageArchive() {
    return archive;
  }

  /** The swarm's nodes, their tags and the apps' tasks on them, on the same client. */
  public dev.tugboat.runtime.ClusterNodes clusterNodes() {
    return clusterNodes;
  }

  /**
   * Clustered containers: the task slots of Swarm services, on the same client; closing this
   * runtime closes their connection too.
   */
  public DockerServiceSlots serviceSlots() {
    return serviceSlots;
  }

  /** Another view of the swarm's slots, with its own clock and poll interval (tests). */
  DockerServiceSlots serviceSlots(java.time.Clock clock, Duration poll) {
    return new DockerServiceSlots(swarm,
        new SwarmTaskLogs(client, deadlines, failures), this,
        () -> clusterNodes.membership() instanceof dev.tugboat.runtime.SwarmMembership.Manager,
        clock, poll);
  }

  /** The app's data as archives, on the same engine and client. */
  public VolumeArchive volumeArchive() {
    return volumes;
  }

  /** The same, telling {@code warnings} what it could not clean up (a copy's container). */
  public VolumeArchive volumeArchive(java.util.function.Consumer<String> warnings) {
    return volumes.warningTo(warnings);
  }

  @Override
  public void ping() {
    engine.ping();
  }

  @Override
  public HostFacts hostFacts() {
    return engine.facts();
  }

  @Override
  public dev.tugboat.runtime.EngineResources engineResources() {
    return engine.resources();
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) {
    return images.inspect(image);
  }

  @Override
  public void pullImage(String image, Optional<RegistryCredentials> credentials) {
    images.pull(image, credentials);
  }

  @Override
  public dev.tugboat.runtime.ImageRemoval removeUnusedImage(String image) {
    return images.removeUnused(image);
  }

  @Override
  public ContainerId create(ContainerConfig config) {
    if (config.placement().isPresent()) {
      return serviceSlots.create(config);
    }
    hostPaths.prepare(config);
    config.joinedNetworks().forEach(network -> serviceSlots.ensureNetwork(network,
        config.labels().getOrDefault(ClusterTask.APP_LABEL, "")));
    return containers.create(config);
  }

  @Override
  public void copyFiles(ContainerId id, List<FileToCopy> files) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.copyFiles(id, files);
      return;
    }
    containers.copy(id, files);
  }

  @Override
  public void start(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.start(id);
      return;
    }
    containers.start(id);
  }

  @Override
  public void stop(ContainerId id, Duration timeout) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.stop(id, timeout);
      return;
    }
    containers.stop(id, timeout);
  }

  @Override
  public void signalStop(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.signalStop(id);
      return;
    }
    containers.signalStop(id);
  }

  @Override
  public void pause(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.pause(id);
      return;
    }
    containers.pause(id);
  }

  @Override
  public void unpause(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.unpause(id);
      return;
    }
    containers.unpause(id);
  }

  @Override
  public void remove(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      serviceSlots.remove(id);
      return;
    }
    containers.remove(id);
  }

  @Override
  public Optional<ContainerInfo> inspect(ContainerId id) {
    if (ServiceSlot.isSlot(id)) {
      return serviceSlots.inspect(id);
    }
    return containers.inspect(id);
  }

  /**
   * The containers, and on a swarm manager the slots of the services, carrying the labels: a
   * restarted daemon finds its clustered containers as it finds the others.
   */
  @Override
  public List<ContainerSummary> listByLabels(Map<String, String> labels) {
    List<ContainerSummary> local = containers.listByLabels(labels);
    List<ContainerSummary> slots;
    try {
      slots = serviceSlots.listByLabels(labels);
    } catch (RuntimeFailure e) {
      // An engine in no swarm, or a worker, answers a listing of services at once with this.
      if (e.kind() == RuntimeFailure.Kind.NOT_A_SWARM_MANAGER) {
        return local;
      }
      throw e;
    }
    List<ContainerSummary> all = new ArrayList<>(local);
    all.addAll(slots);
    return all;
  }

  @Override
  public ExecResult exec(ContainerId id, ExecRequest request) {
    if (ServiceSlot.isSlot(id)) {
      return serviceSlots.exec(id, request);
    }
    return exec.run(id, request);
  }

  @Override
  public List<LogLine> logs(ContainerId id, int tailLines) {
    if (ServiceSlot.isSlot(id)) {
      return serviceSlots.logs(id, tailLines);
    }
    return logs.tail(id, tailLines);
  }

  @Override
  public Subscription followLogs(ContainerId id, LogListener listener) {
    if (ServiceSlot.isSlot(id)) {
      return serviceSlots.followLogs(id, listener);
    }
    return logs.follow(id, listener);
  }

  @Override
  public Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    if (!filter.swarmTasks()) {
      return events.subscribe(filter, listener);
    }
    return JoinedEvents.subscribe(listener, List.of(
        joined -> events.subscribe(filter, joined),
        joined -> serviceSlots.subscribe(filter, joined)));
  }

  @Override
  public void close() {
    calls.close();
    try {
      client.close();
    } catch (IOException e) {
      // Closing releases pooled connections; one that is already broken has nothing to release.
    }
  }
}
