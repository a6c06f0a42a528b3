package dev.tugboat.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One instance carrying the app's labels, as Docker showed it when the run looked again (after a
 * restart of the daemon, or once Docker answered again). A saved format: it is journaled.
 *
 * @param runId the run whose labels it carries
 * @param startedAt when its process last started; null while it never started
 * @param finishedAt when its process last exited; null while it never exited
 * @param exitCode its last exit code; meaningful only when {@code status} is EXITED
 */
public record ObservedInstance(
    String runId,
    ContainerKey container,
    String containerId,
    String name,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    int exitCode,
    String address,
    List<BoundPort> ports,
    String health) {

  /** Created but never started; running (or paused); exited. */
  public enum Status {
    CREATED,
    RUNNING,
    EXITED
  }

  public ObservedInstance {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(status, "status");
    ports = List.copyOf(ports);
  }

  public String describe() {
    return name + " (" + containerId.substring(0, Math.min(12, containerId.length())) + ")";
  }
}
