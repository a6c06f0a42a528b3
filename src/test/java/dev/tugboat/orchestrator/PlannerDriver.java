package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Feeds events to a {@link Planner} with a hand-moved clock and keeps what it decided. */
final class PlannerDriver {

  private final Planner planner;
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  RunState state;
  final List<Decision> all = new ArrayList<>();

  PlannerDriver(StartPlan plan) {
    this.planner = new Planner(plan);
    this.state = RunState.initial("run-1", plan, now);
  }

  List<String> on(RunEvent event) {
    Planner.Step step = planner.decide(state, event, now);
    state = step.state();
    all.addAll(step.decisions());
    return DecisionLines.of(step.decisions());
  }

  PlannerDriver advance(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  List<String> start() {
    return on(new RunEvent.StartRequested());
  }

  static String id(ContainerKey key) {
    return "id-" + key.component() + "-" + key.container()
        + (key.instance() == 0 ? "" : "-" + key.instance());
  }

  /** Created and started; the lines of the start. */
  List<String> running(ContainerKey key) {
    on(new RunEvent.ContainerCreated(key, id(key), "tugboat-" + key.component()));
    return on(new RunEvent.ContainerStarted(key, id(key), now, "172.17.0.9",
        List.of(new BoundPort(5432, "tcp", "0.0.0.0", 5432))));
  }

  List<String> exited(ContainerKey key, int code) {
    return on(new RunEvent.ContainerExited(id(key), code, now));
  }

  List<String> probe(String event, ProbeOutcome outcome) {
    return on(new RunEvent.ProbeResult(event, outcome));
  }

  List<String> stop() {
    return on(new RunEvent.StopRequested("interrupted"));
  }

  List<String> stopped(ContainerKey key) {
    return on(new RunEvent.StopCompleted(key, ""));
  }

  InstanceState instance(ContainerKey key) {
    return state.instance(key);
  }
}
