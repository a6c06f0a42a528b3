package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.RunEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run knows, as one immutable value: the app's phase and message, each instance, each
 * event, the ready check. {@code earlyExits} holds exits Docker reported before the loop saw the
 * instance's start (the start's address is read first, the exit is not held up), by container id.
 * {@code interrupted}: instances stopped while nobody watched (an engine restart, a reboot), so the
 * run was stopped and a new one should start the app again. {@code dockerLost} says why Docker
 * does not answer (since {@code dockerLostAt}), empty while it does. Only the loop makes new ones (through the {@link Planner});
 * anyone may read one.
 */
public record RunState(
    String runId,
    AppPhase app,
    String message,
    Instant createdAt,
    Optional<Instant> startedAt,
    Map<ContainerKey, InstanceState> instances,
    Map<String, EventState> events,
    ReadyPhase ready,
    String readyLastSeen,
    boolean stopRequested,
    Set<ContainerKey> awaitingOutput,
    Map<String, RunEvent.ContainerExited> earlyExits,
    Optional<Instant> readyDeadlineAt,
    boolean interrupted,
    String dockerLost,
    Optional<Instant> dockerLostAt,
    boolean ended) {

  /** The ready check: not yet due, being polled, passed. */
  public enum ReadyPhase {
    NOT_YET,
    CHECKING,
    PASSED
  }

  public RunState {
    instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    events = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(events));
    awaitingOutput = Set.copyOf(awaitingOutput);
    earlyExits = Map.copyOf(earlyExits);
  }

  /** A run that has not started: every container waits, in plan order. */
  public static RunState initial(String runId, StartPlan plan, Instant now) {
    Map<ContainerKey, InstanceState> instances = new LinkedHashMap<>();
    for (PlannedContainer container : plan.containers()) {
      List<String> waitingOn = plan.startersOf(container.key()).stream()
          .map(PlannedEvent::name)
          .toList();
      for (ContainerKey key : container.instanceKeys()) {
        instances.put(key,
            InstanceState.initial(key, dev.tugboat.events.InstancePhase.WAITING, waitingOn));
      }
    }
    Map<String, EventState> events = new LinkedHashMap<>();
    plan.events().forEach(event -> events.put(event.name(), EventState.initial(event.name())));
    return new RunState(runId, AppPhase.STOPPED, "not started", now, Optional.empty(), instances,
        events, ReadyPhase.NOT_YET, "", false, Set.of(), Map.of(), Optional.empty(), false, "",
        Optional.empty(), false);
  }

  /**
   * Every container waiting and nothing started: what templates see before the run. {@code keys}
   * are instance keys where a container has several instances.
   */
  static RunState nothingStarted(List<ContainerKey> keys, Instant now) {
    Map<ContainerKey, InstanceState> instances = new LinkedHashMap<>();
    keys.forEach(key -> instances.put(key,
        InstanceState.initial(key, dev.tugboat.events.InstancePhase.WAITING, List.of())));
    return new RunState("plan", AppPhase.STOPPED, "not started", now, Optional.empty(), instances,
        Map.of(), ReadyPhase.NOT_YET, "", false, Set.of(), Map.of(), Optional.empty(), false, "",
        Optional.empty(), false);
  }

  /** Every instance of the planned containers waiting, skipped ones skipped: before the run. */
  static RunState beforeStart(List<PlannedContainer> containers, Instant now) {
    List<ContainerKey> keys = new java.util.ArrayList<>();
    containers.forEach(container -> keys.addAll(container.instanceKeys()));
    RunState waiting = nothingStarted(keys, now);
    Map<ContainerKey, InstanceState> instances = new LinkedHashMap<>(waiting.instances());
    for (PlannedContainer container : containers) {
      if (container.skipped()) {
        container.instanceKeys().forEach(key -> instances.put(key,
            instances.get(key).withPhase(dev.tugboat.events.InstancePhase.SKIPPED,
                "when is false")));
      }
    }
    return new RunState(waiting.runId(), waiting.app(), waiting.message(), now, Optional.empty(),
        instances, Map.of(), ReadyPhase.NOT_YET, "", false, Set.of(), Map.of(), Optional.empty(),
        false, "", Optional.empty(), false);
  }

  public InstanceState instance(ContainerKey key) {
    InstanceState state = instances.get(key);
    if (state == null) {
      throw new IllegalArgumentException(key + " is not a container of this run");
    }
    return state;
  }

  public EventState event(String name) {
    EventState state = events.get(name);
    if (state == null) {
      throw new IllegalArgumentException("no event \"" + name + "\" in this run");
    }
    return state;
  }

  /**
   * The instances of {@code container} (a container's key, or one of its instances'), in instance
   * order: one for most containers, {@code cluster_instance_count} of them for the others.
   */
  public List<InstanceState> instancesOf(ContainerKey container) {
    return instancesOf(instances, container);
  }

  static List<InstanceState> instancesOf(Map<ContainerKey, InstanceState> instances,
      ContainerKey container) {
    InstanceState only = instances.get(container.whole());
    if (only != null) {
      return List.of(only);
    }
    return instances.values().stream()
        .filter(instance -> instance.key().sameContainer(container))
        .sorted(java.util.Comparator.comparing(InstanceState::key))
        .toList();
  }

  /** The container whose current instance has this Docker id. */
  public Optional<InstanceState> byContainerId(String containerId) {
    return instances.values().stream()
        .filter(instance -> !containerId.isEmpty() && instance.containerId().equals(containerId))
        .findFirst();
  }
}
