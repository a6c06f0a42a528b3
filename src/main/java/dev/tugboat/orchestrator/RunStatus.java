package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read model of a run, as status and the dashboard show it: an immutable snapshot the loop
 * publishes after each event. {@code sequence} is the journal sequence it reflects; {@code ended}:
 * nothing of the run is live any more. {@code interrupted}: the run was stopped because its service
 * containers stopped while nobody watched (a new run should start the app). {@code dockerLost}:
 * why Docker does not answer, empty while it does; container states may then be stale. {@code
 * paused}: why the loop acts on nothing (its journal cannot be written), empty while it runs; the
 * status is then the last one before the pause, with its message saying why.
 */
public record RunStatus(
    String runId,
    String app,
    AppPhase state,
    String message,
    long sequence,
    Instant updatedAt,
    boolean ended,
    List<ContainerStatus> containers,
    List<EventStatus> events,
    ReadyStatus ready,
    boolean interrupted,
    String dockerLost,
    String paused) {

  public RunStatus {
    containers = List.copyOf(containers);
    events = List.copyOf(events);
    ready = ready == null ? ReadyStatus.NONE : ready;
    paused = paused == null ? "" : paused;
  }

  /** A status of a loop that is not paused. */
  public RunStatus(String runId, String app, AppPhase state, String message, long sequence,
      Instant updatedAt, boolean ended, List<ContainerStatus> containers, List<EventStatus> events,
      ReadyStatus ready, boolean interrupted, String dockerLost) {
    this(runId, app, state, message, sequence, updatedAt, ended, containers, events, ready,
        interrupted, dockerLost, "");
  }

  /**
   * This status, of a loop paused for {@code why}: the app's message says so too, since the state
   * is the last one acted on (a run paused on its first step still shows {@code stopped}).
   */
  public RunStatus withPaused(String why) {
    if (why.isEmpty()) {
      throw new IllegalArgumentException("a pause needs a reason");
    }
    return new RunStatus(runId, app, state, "paused: " + why, sequence, updatedAt, ended,
        containers, events, ready, interrupted, dockerLost, why);
  }

  /** A status without a ready check, as runs of specs with no {@code state.ready} have. */
  public RunStatus(String runId, String app, AppPhase state, String message, long sequence,
      Instant updatedAt, boolean ended, List<ContainerStatus> containers,
      List<EventStatus> events) {
    this(runId, app, state, message, sequence, updatedAt, ended, containers, events,
        ReadyStatus.NONE, false, "");
  }

  public Optional<ContainerStatus> container(String key) {
    return containers.stream().filter(c -> c.container().equals(key)).findFirst();
  }

  /**
   * One container's instance. {@code state} is waiting, blocked, skipped, creating, running,
   * restarting, stopping, completed, failed or stopped; {@code exitCode} is null until it exits;
   * {@code summary} is the line status prints ({@code completed (exit 0, 2.1 s)}).
   */
  public record ContainerStatus(
      String container,
      String instanceName,
      String containerId,
      String state,
      String summary,
      Integer exitCode,
      int restarts,
      List<String> ports,
      List<String> waitingOn,
      String startedBy,
      String detail,
      List<String> lastOutput,
      String address) {

    public ContainerStatus {
      ports = List.copyOf(ports);
      waitingOn = List.copyOf(waitingOn);
      lastOutput = List.copyOf(lastOutput);
      address = address == null ? "" : address;
    }

    /** Without an address (not started, or not known). */
    public ContainerStatus(String container, String instanceName, String containerId,
        String state, String summary, Integer exitCode, int restarts, List<String> ports,
        List<String> waitingOn, String startedBy, String detail, List<String> lastOutput) {
      this(container, instanceName, containerId, state, summary, exitCode, restarts, ports,
          waitingOn, startedBy, detail, lastOutput, "");
    }
  }

  /** One event: fired when, or what its trigger last saw, or why it can never fire. */
  public record EventStatus(
      String name,
      String publisher,
      String trigger,
      boolean fired,
      Instant firedAt,
      String lastSeen,
      String neverReason) {}

  /**
   * The spec's {@code state.ready} check. {@code state} is {@code none} (the spec has no check),
   * {@code not_due} (some container has not settled yet), {@code checking} (being polled; {@code
   * lastSeen} is what the last poll saw) or {@code passed}. {@code description} names the check as
   * rendered ({@code http_status_code http://10.0.0.5:8000/health 200}).
   */
  public record ReadyStatus(String state, String description, String lastSeen) {

    public static final ReadyStatus NONE = new ReadyStatus("none", "", "");

    public ReadyStatus {
      Objects.requireNonNull(state, "state");
      description = description == null ? "" : description;
      lastSeen = lastSeen == null ? "" : lastSeen;
    }
  }
}
