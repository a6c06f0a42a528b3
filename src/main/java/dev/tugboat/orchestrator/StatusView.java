package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.InstancePhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the {@link RunStatus} snapshot from the loop's state. Pure; called on the loop thread. */
final class StatusView {

  private StatusView() {}

  static RunStatus of(String app, StartPlan plan, RunState state, long sequence, Instant now) {
    // Every instance of a container with several shows as its own line (component/container#n).
    List<RunStatus.ContainerStatus> containers = plan.instanceKeys().stream()
        .map(key -> container(state.instance(key), !state.dockerLost().isEmpty()))
        .toList();
    List<RunStatus.EventStatus> events = plan.events().stream()
        .map(e -> event(e, state.event(e.name())))
        .toList();
    return new RunStatus(state.runId(), app, state.app(), state.message(), sequence, now,
        state.ended(), containers, events, ready(plan, state), state.interrupted(),
        state.dockerLost());
  }

  private static RunStatus.ReadyStatus ready(StartPlan plan, RunState state) {
    return plan.ready()
        .map(check -> new RunStatus.ReadyStatus(readyLabel(state.ready()), check.description(),
            state.readyLastSeen()))
        .orElse(RunStatus.ReadyStatus.NONE);
  }

  static String readyLabel(RunState.ReadyPhase phase) {
    return switch (phase) {
      case NOT_YET -> "not_due";
      case CHECKING -> "checking";
      case PASSED -> "passed";
    };
  }

  /** While Docker does not answer, a live instance's state is not known: say so, not "running". */
  private static RunStatus.ContainerStatus container(InstanceState i, boolean dockerLost) {
    Integer exitCode = i.exitCode().isPresent() ? i.exitCode().getAsInt() : null;
    List<String> ports = holdsItsPorts(i.phase())
        ? i.ports().stream().map(StatusView::port).toList() : List.of();
    boolean unknown = dockerLost && i.phase().isLive();
    return new RunStatus.ContainerStatus(i.key().toString(), i.name(), i.containerId(),
        unknown ? "unknown" : i.phase().label(),
        unknown ? "unknown: Docker does not answer (last known: " + summary(i) + ")" : summary(i),
        exitCode, i.restarts(), ports, i.waitingOn(), i.startedBy(), i.detail(), i.lastOutput(),
        i.address());
  }

  /**
   * Docker binds a container's host ports only while its process runs: an exited container's
   * (a completed migration's) or a restarting one's are free, and the host may have given them to
   * something else. The run keeps them for templates; the status shows what is bound now.
   */
  private static boolean holdsItsPorts(InstancePhase phase) {
    return phase == InstancePhase.RUNNING || phase == InstancePhase.STOPPING;
  }

  static String port(BoundPort p) {
    String host = p.hostPort() == 0 ? "" : p.hostAddress() + ":" + p.hostPort() + "->";
    return host + p.privatePort() + "/" + p.protocol();
  }

  /** {@code completed (exit 0, 2.1 s)}, {@code failed (exit 3)}, {@code waiting for "X"}. */
  static String summary(InstanceState i) {
    String ran = i.startedAt().flatMap(s -> i.exitedAt().map(e -> Duration.between(s, e)))
        .map(SettleRules::seconds).map(t -> ", " + t).orElse("");
    String exit = i.exitCode().isPresent() ? "exit " + i.exitCode().getAsInt() : "";
    return switch (i.phase()) {
      case WAITING -> "waiting for " + i.waitingOn().stream().map(n -> "\"" + n + "\"")
          .collect(Collectors.joining(" or "));
      case BLOCKED -> "blocked: " + i.detail();
      case SKIPPED -> "skipped (when is false)";
      case COMPLETED -> "completed (" + exit + ran + ")";
      case FAILED -> i.exitCode().isPresent()
          ? "failed (" + exit + ran + ")"
          : "failed: " + i.detail();
      case STOPPED -> i.exitCode().isPresent() ? "stopped (" + exit + ")" : "stopped";
      case RUNNING -> i.restarts() > 0 ? "running (restarted " + i.restarts() + "x)" : "running";
      case RESTARTING -> "restarting (" + exit + ", restart " + (i.restarts()) + ")";
      default -> i.phase().label();
    };
  }

  private static RunStatus.EventStatus event(PlannedEvent plan, EventState e) {
    return new RunStatus.EventStatus(e.name(), plan.publisher().toString(),
        plan.trigger().describe(), e.fired(), e.firedAt().orElse(null), e.lastSeen(),
        e.neverReason());
  }
}
