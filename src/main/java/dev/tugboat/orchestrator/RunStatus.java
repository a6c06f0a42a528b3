package dev.tugboat.orchestrator;

import dev.tugboat.events.AppPhase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read model of a run, as status and the dashboard show it: an immutable snapshot the loop
 * publishes after each event. {@code sequence} is the journal sequence it reflects; {@code ended}:
 * nothing of the run is live any more.
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
    List<EventStatus> events) {

  public RunStatus {
    containers = List.copyOf(containers);
    events = List.copyOf(events);
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
      List<String> lastOutput) {

    public ContainerStatus {
      ports = List.copyOf(ports);
      waitingOn = List.copyOf(waitingOn);
      lastOutput = List.copyOf(lastOutput);
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
}
