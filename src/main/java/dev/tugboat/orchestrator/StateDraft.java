package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planner's scratch copy of a {@link RunState} while it answers one event, and the decisions
 * it takes. Lives for one call of {@link Planner#decide} on the loop thread; never shared.
 */
final class StateDraft {

  final StartPlan plan;
  final Instant now;
  final String runId;
  final Instant createdAt;
  AppPhase app;
  String message;
  Optional<Instant> startedAt;
  final Map<ContainerKey, InstanceState> instances;
  final Map<String, EventState> events;
  RunState.ReadyPhase ready;
  String readyLastSeen;
  boolean stopRequested;
  final Set<ContainerKey> awaitingOutput;
  final Map<String, dev.tugboat.events.RunEvent.ContainerExited> earlyExits;
  Optional<Instant> readyDeadlineAt;
  boolean interrupted;
  String dockerLost;
  Optional<Instant> dockerLostAt;
  boolean ended;
  final List<Decision> decisions = new ArrayList<>();

  StateDraft(StartPlan plan, RunState state, Instant now) {
    this.plan = plan;
    this.now = now;
    this.runId = state.runId();
    this.createdAt = state.createdAt();
    this.app = state.app();
    this.message = state.message();
    this.startedAt = state.startedAt();
    this.instances = new LinkedHashMap<>(state.instances());
    this.events = new LinkedHashMap<>(state.events());
    this.ready = state.ready();
    this.readyLastSeen = state.readyLastSeen();
    this.stopRequested = state.stopRequested();
    this.awaitingOutput = new HashSet<>(state.awaitingOutput());
    this.earlyExits = new LinkedHashMap<>(state.earlyExits());
    this.readyDeadlineAt = state.readyDeadlineAt();
    this.interrupted = state.interrupted();
    this.dockerLost = state.dockerLost();
    this.dockerLostAt = state.dockerLostAt();
    this.ended = state.ended();
  }

  RunState freeze() {
    return new RunState(runId, app, message, createdAt, startedAt, instances, events, ready,
        readyLastSeen, stopRequested, awaitingOutput, earlyExits, readyDeadlineAt, interrupted,
        dockerLost, dockerLostAt, ended);
  }

  InstanceState instance(ContainerKey key) {
    return instances.get(key);
  }

  /** Every instance of {@code container}, in instance order. */
  List<InstanceState> instancesOf(ContainerKey container) {
    return RunState.instancesOf(instances, container);
  }

  void put(InstanceState instance) {
    instances.put(instance.key(), instance);
  }

  EventState event(String name) {
    return events.get(name);
  }

  void put(EventState event) {
    events.put(event.name(), event);
  }

  void decide(Decision decision) {
    decisions.add(decision);
  }

  void changeApp(AppPhase phase, String newMessage, String cause) {
    if (phase == app && newMessage.equals(message)) {
      return;
    }
    app = phase;
    message = newMessage;
    decide(new Decision.ChangeApp(phase, newMessage, cause));
  }

  /** Whether the run may still start containers: it is starting and nothing failed or stops it. */
  boolean mayLaunch() {
    return app == AppPhase.STARTING && !stopRequested;
  }

  Optional<InstanceState> byContainerId(String containerId) {
    return instances.values().stream()
        .filter(instance -> !containerId.isEmpty() && instance.containerId().equals(containerId))
        .findFirst();
  }
}
