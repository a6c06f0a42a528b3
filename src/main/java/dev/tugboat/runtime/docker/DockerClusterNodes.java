package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.tugboat.runtime.ClusterNode;
import dev.tugboat.runtime.ClusterNodes;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.NodeNames;
import dev.tugboat.runtime.NodeTags;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.SwarmMembership;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * {@link ClusterNodes} on the Docker Engine's Swarm API. A tag change writes the node's whole spec
 * with the version it was read at: another change in between makes the engine refuse it ("update
 * out of sequence"), and it is read and tried again, up to {@link #ATTEMPTS} times.
 */
final class DockerClusterNodes implements ClusterNodes {

  static final int ATTEMPTS = 4;
  private static final Set<TaskState> GONE =
      Set.of(TaskState.SHUTDOWN, TaskState.REMOVE, TaskState.ORPHANED);

  private final DockerClient client;
  private final SwarmApi swarm;
  private final DockerCalls calls;
  private final DockerFailures failures;

  DockerClusterNodes(DockerClient client, SwarmApi swarm, DockerCalls calls,
      DockerFailures failures) {
    this.client = client;
    this.swarm = swarm;
    this.calls = calls;
    this.failures = failures;
  }

  @Override
  public SwarmMembership membership() {
    return swarm.membership();
  }

  @Override
  public List<ClusterNode> nodes() {
    return swarmNodes().stream().map(DockerClusterNodes::node)
        .sorted(Comparator.comparing((ClusterNode n) -> n.role() != ClusterNode.Role.MANAGER)
            .thenComparing(ClusterNode::hostname).thenComparing(ClusterNode::id))
        .toList();
  }

  @Override
  public List<ClusterTask> appTasks() {
    requireManager();
    // Services are filtered here, not by the engine: a label filter of docker-java's takes
    // key=value, and any value of the label marks an app's service.
    Map<String, Service> byId = ask("list the swarm's services",
        () -> client.listServicesCmd().exec()).stream()
        .filter(s -> s.getSpec() != null && s.getSpec().getLabels() != null
            && s.getSpec().getLabels().containsKey(ClusterTask.APP_LABEL))
        .collect(Collectors.toMap(Service::getId, s -> s, (a, b) -> a));
    if (byId.isEmpty()) {
      return List.of();
    }
    List<Task> tasks = ask("list the apps' tasks", () -> client.listTasksCmd()
        .withServiceFilter(byId.keySet().toArray(String[]::new)).exec());
    // Swarm keeps a few replaced tasks per slot as history; what runs where is the others.
    return tasks.stream().filter(task -> !GONE.contains(task.getDesiredState()))
        .map(task -> task(task, byId.get(task.getServiceId())))
        .sorted(Comparator.comparing(ClusterTask::service).thenComparing(ClusterTask::id))
        .toList();
  }

  @Override
  public void tag(String node, Set<String> tags) {
    Set<String> checked = NodeTags.checkAll(tags);
    change(node, "tag node " + node, labels -> NodeTags.added(labels, checked));
  }

  @Override
  public void untag(String node, Set<String> tags) {
    Set<String> checked = NodeTags.checkAll(tags);
    change(node, "untag node " + node, labels -> NodeTags.removed(labels, checked));
  }

  private void change(String name, String action, UnaryOperator<Map<String, String>> labels) {
    for (int attempt = 1; ; attempt++) {
      List<SwarmNode> all = swarmNodes();
      ClusterNode wanted = NodeNames.resolve(all.stream().map(DockerClusterNodes::node).toList(),
          name);
      SwarmNode current = all.stream().filter(n -> n.getId().equals(wanted.id())).findFirst()
          .orElseThrow();
      Map<String, String> now = Optional.ofNullable(current.getSpec().getLabels()).orElse(Map.of());
      Map<String, String> next = labels.apply(now);
      if (next.equals(now)) {
        return;
      }
      SwarmNodeSpec spec = current.getSpec().withLabels(next);
      long version = current.getVersion().getIndex();
      try {
        calls.tell(action, () -> client.updateSwarmNodeCmd().withSwarmNodeId(current.getId())
            .withVersion(version).withSwarmNodeSpec(spec).exec());
        return;
      } catch (DockerException e) {
        if (!outOfSequence(e) || attempt == ATTEMPTS) {
          throw failures.of(action, e);
        }
      } catch (RuntimeException e) {
        throw failures.of(action, e);
      }
    }
  }

  /** Another change came between our read and our write: the engine's optimistic lock. */
  static boolean outOfSequence(DockerException e) {
    return DockerFailures.engineMessage(e).contains("out of sequence");
  }

  private List<SwarmNode> swarmNodes() {
    requireManager();
    return ask("list the swarm's nodes", () -> client.listSwarmNodesCmd().exec());
  }

  private void requireManager() {
    SwarmMembership membership = membership();
    if (!(membership instanceof SwarmMembership.Manager)) {
      throw RuntimeFailure.notASwarmManager(membership);
    }
  }

  private <T> T ask(String action, java.util.function.Supplier<T> call) {
    try {
      return calls.ask(action, call);
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  static ClusterNode node(SwarmNode node) {
    SwarmNodeSpec spec = node.getSpec();
    var description = node.getDescription();
    var status = node.getStatus();
    String hostname = description == null ? "" : Objects.requireNonNullElse(
        description.getHostname(), "");
    String engine = description == null || description.getEngine() == null ? ""
        : description.getEngine().getEngineVersion();
    ClusterNode.Role role = spec != null && spec.getRole() != null
        && spec.getRole().name().equals("MANAGER") ? ClusterNode.Role.MANAGER
        : ClusterNode.Role.WORKER;
    ClusterNode.Availability availability = spec == null || spec.getAvailability() == null
        ? ClusterNode.Availability.ACTIVE
        : switch (spec.getAvailability()) {
          case PAUSE -> ClusterNode.Availability.PAUSE;
          case DRAIN -> ClusterNode.Availability.DRAIN;
          default -> ClusterNode.Availability.ACTIVE;
        };
    ClusterNode.State state = status == null || status.getState() == null
        ? ClusterNode.State.UNKNOWN
        : switch (status.getState()) {
          case READY -> ClusterNode.State.READY;
          case DOWN, DISCONNECTED -> ClusterNode.State.DOWN;
          default -> ClusterNode.State.UNKNOWN;
        };
    boolean leader = node.getManagerStatus() != null && node.getManagerStatus().isLeader();
    return new ClusterNode(node.getId(), hostname, role, leader, availability, state,
        SwarmNodeAddress.of(status == null ? "" : status.getAddress(),
            node.getManagerStatus() == null ? "" : node.getManagerStatus().getAddr()), engine,
        spec == null || spec.getLabels() == null ? Map.of() : spec.getLabels());
  }

  private static ClusterTask task(Task task, Service service) {
    String serviceName = service == null || service.getSpec() == null ? task.getServiceId()
        : service.getSpec().getName();
    Map<String, String> labels = service == null || service.getSpec() == null
        || service.getSpec().getLabels() == null ? Map.of() : service.getSpec().getLabels();
    String state = task.getStatus() == null || task.getStatus().getState() == null ? ""
        : task.getStatus().getState().getValue();
    return new ClusterTask(task.getId(), serviceName,
        labels.getOrDefault(ClusterTask.APP_LABEL, ""), state, task.getNodeId());
  }
}
