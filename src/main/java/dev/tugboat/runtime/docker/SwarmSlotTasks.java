package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.PublishedPort;
import dev.tugboat.runtime.ServiceSlot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one slot of a service is, read from the service's tasks: Swarm keeps a slot's replaced
 * tasks as history, so the slot's current task is the one Swarm still wants run, else the newest.
 */
record SwarmSlotTasks(SwarmServiceFacts service, int slot, List<JsonNode> tasks,
    SwarmNodeView nodes) {

  /**
   * The exit code of a slot whose task was lost with its node and not replaced: its end is
   * unknown, and it is counted as killed.
   */
  static final int LOST = 137;

  /** Task states after which the task's container never runs again. */
  static final Set<String> ENDED =
      Set.of("complete", "shutdown", "failed", "rejected", "remove", "orphaned");
  /** Desired states of a task Swarm still means to run (a job's is {@code complete}). */
  private static final Set<String> TO_RUN = Set.of("new", "pending", "assigned", "accepted",
      "preparing", "ready", "starting", "running");

  /** The tasks of {@code slot} among all of the service's. */
  static SwarmSlotTasks of(SwarmServiceFacts service, int slot, List<JsonNode> allTasks,
      SwarmNodeView nodes) {
    // A replicated service numbers its slots from 1, a replicated job its completions from 0.
    int taskSlot = service.job() ? slot - 1 : slot;
    List<JsonNode> mine = allTasks.stream()
        .filter(t -> t.path("ServiceID").asText().equals(service.id()))
        // the engine leaves a slot of 0 out of the JSON
        .filter(t -> t.path("Slot").asInt(0) == taskSlot).toList();
    return new SwarmSlotTasks(service, slot, mine, nodes);
  }

  ServiceSlot serviceSlot() {
    return new ServiceSlot(service.name(), slot);
  }

  /** The task that stands for the slot now; empty before Swarm made one. */
  Optional<JsonNode> current() {
    Comparator<JsonNode> newest = Comparator.comparing(SwarmSlotTasks::createdAt)
        .thenComparingLong(t -> t.path("Version").path("Index").asLong());
    Optional<JsonNode> wanted = tasks.stream().filter(SwarmSlotTasks::wanted).max(newest);
    return wanted.isPresent() ? wanted : tasks.stream().max(newest);
  }

  /**
   * Swarm will run nothing more in this slot: every task ended and none is still meant to run. A
   * task on a node that went away keeps its last state (running) while Swarm replaces it, so the
   * slot is not dead then.
   */
  boolean ended() {
    return !tasks.isEmpty() && tasks.stream().allMatch(t -> ENDED.contains(state(t)) || lost(t))
        && tasks.stream().noneMatch(t -> TO_RUN.contains(desired(t)));
  }

  /**
   * A task on a node that is down keeps its last state; when Swarm will not run it elsewhere
   * (restart condition {@code none}) it never runs again.
   */
  boolean lost(JsonNode task) {
    return !service.replacesLostTasks() && !TO_RUN.contains(desired(task))
        && nodes.down().contains(task.path("NodeID").asText(""))
        && !ENDED.contains(state(task));
  }

  /** The task's state as a container's. */
  ContainerState stateOf(JsonNode task) {
    return lost(task) ? ContainerState.EXITED : containerState(task);
  }

  /** Its exit code, once ended. */
  int exitCodeOf(JsonNode task) {
    return lost(task) ? LOST : exitCode(task);
  }

  /**
   * The slot's state: its current task's; without a task, stopped when the service is scaled
   * below it (Swarm deletes the tasks a scale-down removed), else about to be made.
   */
  ContainerState state() {
    return current().map(this::stateOf).orElse(stopped() ? ContainerState.EXITED
        : ContainerState.CREATED);
  }

  /** A replicated service scaled below this slot: a stop ended it. */
  boolean stopped() {
    return !service.job() && service.runningReplicas() < slot;
  }

  /** The slot as a container. */
  Optional<ContainerInfo> info() {
    return current().map(task -> {
      ContainerState state = stateOf(task);
      Optional<Instant> at = time(task.path("Status").path("Timestamp"));
      boolean ended = state == ContainerState.EXITED;
      boolean hadContainer = !task.path("Status").path("ContainerStatus").path("ContainerID")
          .asText("").isEmpty();
      String node = task.path("NodeID").asText("");
      Optional<String> address = state == ContainerState.RUNNING
          ? Optional.ofNullable(nodes.addresses().get(node)).filter(a -> !a.isEmpty())
          : Optional.empty();
      return new ContainerInfo(serviceSlot().id(), serviceSlot().displayName(),
          service.image(), labels(), state,
          ended ? OptionalInt.of(exitCodeOf(task)) : OptionalInt.empty(),
          state == ContainerState.RUNNING ? at : ended && hadContainer ? time(task.path(
              "CreatedAt")) : Optional.empty(),
          ended ? at : Optional.empty(), service.network(), address,
          state == ContainerState.RUNNING ? ports(task, address.orElse("")) : List.of(),
          HealthStatus.NONE, false);
    });
  }

  /** The slot's labels: the service's, with the slot's number under the slot label. */
  Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>(service.labels());
    if (!service.slotLabel().isEmpty()) {
      labels.put(service.slotLabel(), String.valueOf(slot));
    }
    return labels;
  }

  static ContainerState containerState(JsonNode task) {
    return switch (state(task)) {
      case "running" -> ContainerState.RUNNING;
      case "complete", "shutdown", "failed", "rejected", "remove", "orphaned" ->
          ContainerState.EXITED;
      default -> ContainerState.CREATED;
    };
  }

  /** A failed task's exit code (1 when Swarm has none, e.g. rejected); otherwise its own or 0. */
  static int exitCode(JsonNode task) {
    JsonNode code = task.path("Status").path("ContainerStatus").path("ExitCode");
    String state = state(task);
    if (state.equals("failed") || state.equals("rejected")) {
      return code.isNumber() && code.asInt() != 0 ? code.asInt() : 1;
    }
    return code.isNumber() ? code.asInt() : 0;
  }

  static String state(JsonNode task) {
    return task.path("Status").path("State").asText("");
  }

  static String desired(JsonNode task) {
    return task.path("DesiredState").asText("");
  }

  static String id(JsonNode task) {
    return task.path("ID").asText("");
  }

  private static boolean wanted(JsonNode task) {
    return TO_RUN.contains(desired(task))
        || desired(task).equals("complete") && !ENDED.contains(state(task));
  }

  private static Instant createdAt(JsonNode task) {
    return time(task.path("CreatedAt")).orElse(Instant.EPOCH);
  }

  private static Optional<Instant> time(JsonNode text) {
    try {
      Instant at = Instant.parse(text.asText(""));
      return at.getEpochSecond() <= 0 ? Optional.empty() : Optional.of(at);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<PublishedPort> ports(JsonNode task, String address) {
    List<PublishedPort> ports = new ArrayList<>();
    for (JsonNode port : task.path("Status").path("PortStatus").path("Ports")) {
      int published = port.path("PublishedPort").asInt(0);
      if (published > 0) {
        ports.add(new PublishedPort(port.path("TargetPort").asInt(),
            Protocol.parse(port.path("Protocol").asText("tcp")), address, published));
      }
    }
    return ports;
  }
}
