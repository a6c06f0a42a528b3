package dev.tugboat.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A fact posted to a run's loop. Any thread may post one; only the loop reads them, in order.
 * Records name their container by {@link ContainerKey} where the poster knows it, and by Docker's
 * container id where only the event stream does (the loop maps ids to keys).
 */
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunEvent.StartRequested.class, name = "start-requested"),
  @JsonSubTypes.Type(value = RunEvent.StopRequested.class, name = "stop-requested"),
  @JsonSubTypes.Type(value = RunEvent.ContainerCreated.class, name = "container-created"),
  @JsonSubTypes.Type(value = RunEvent.ContainerStarted.class, name = "container-started"),
  @JsonSubTypes.Type(value = RunEvent.ContainerExited.class, name = "container-exited"),
  @JsonSubTypes.Type(value = RunEvent.ContainerHealthChanged.class, name = "container-health"),
  @JsonSubTypes.Type(value = RunEvent.LaunchFailed.class, name = "launch-failed"),
  @JsonSubTypes.Type(value = RunEvent.StopCompleted.class, name = "stop-completed"),
  @JsonSubTypes.Type(value = RunEvent.StopTimedOut.class, name = "stop-timed-out"),
  @JsonSubTypes.Type(value = RunEvent.OutputCaptured.class, name = "output-captured"),
  @JsonSubTypes.Type(value = RunEvent.ProbeResult.class, name = "probe-result"),
  @JsonSubTypes.Type(value = RunEvent.EventDeadlinePassed.class, name = "event-deadline"),
  @JsonSubTypes.Type(value = RunEvent.RestartDue.class, name = "restart-due"),
  @JsonSubTypes.Type(value = RunEvent.ReadyCheckResult.class, name = "ready-check-result"),
  @JsonSubTypes.Type(value = RunEvent.ReadyDeadlinePassed.class, name = "ready-deadline"),
  @JsonSubTypes.Type(value = RunEvent.RuntimeLost.class, name = "runtime-lost"),
  @JsonSubTypes.Type(value = RunEvent.InstancesObserved.class, name = "instances-observed"),
  @JsonSubTypes.Type(value = RunEvent.ContainerRemoved.class, name = "container-removed"),
  @JsonSubTypes.Type(value = RunEvent.InstancesResynced.class, name = "instances-resynced")
})
public sealed interface RunEvent extends JournalRecord {

  /** Where the fact came from, for the journal's {@code cause}. */
  default String source() {
    return "loop";
  }

  /**
   * Begin the run: the containers earlier runs of the app left ({@code previous}, kept until now
   * for their logs) are removed, then the roots start. {@code inputs}: the spec and settings it
   * starts with, when the daemon started it; absent for {@code tugboat run}, which keeps no state
   * directory. Journals written before either field existed read back with none; a start with
   * neither is written as before them.
   */
  record StartRequested(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PreviousInstance> previous,
      @JsonInclude(JsonInclude.Include.NON_NULL) RunInputDigests inputs) implements RunEvent {
    public StartRequested {
      previous = previous == null ? List.of() : List.copyOf(previous);
    }

    public StartRequested() {
      this(List.of(), null);
    }

    public StartRequested(List<PreviousInstance> previous) {
      this(previous, null);
    }

    public StartRequested(RunInputDigests inputs) {
      this(List.of(), inputs);
    }

    public Optional<RunInputDigests> recorded() {
      return Optional.ofNullable(inputs);
    }

    @Override
    public String source() {
      return "operator";
    }
  }

  /** Stop the app: subscribers before publishers. */
  record StopRequested(String reason) implements RunEvent {
    @Override
    public String source() {
      return "operator";
    }
  }

  record ContainerCreated(ContainerKey container, String containerId, String name)
      implements RunEvent {
    @Override
    public String source() {
      return "runtime";
    }
  }

  /** The instance runs; {@code address} is its own address (the host's with host networking). */
  record ContainerStarted(
      ContainerKey container, String containerId, Instant at, String address, List<BoundPort> ports)
      implements RunEvent {
    public ContainerStarted {
      ports = List.copyOf(ports);
    }

    @Override
    public String source() {
      return "runtime";
    }
  }

  /** Docker reported the instance's process ended ({@code die}), with its exit code. */
  record ContainerExited(String containerId, int exitCode, Instant at) implements RunEvent {
    @Override
    public String source() {
      return "docker events";
    }
  }

  /** Docker's HEALTHCHECK status changed ({@code healthy}, {@code unhealthy}, {@code starting}). */
  record ContainerHealthChanged(String containerId, String status) implements RunEvent {
    @Override
    public String source() {
      return "docker events";
    }
  }

  /** Rendering, creating, copying files into or starting an instance failed. */
  record LaunchFailed(ContainerKey container, String message) implements RunEvent {
    @Override
    public String source() {
      return "runtime";
    }
  }

  /** A stop request returned; {@code problem} is empty when it went well. */
  record StopCompleted(ContainerKey container, String problem) implements RunEvent {
    @Override
    public String source() {
      return "runtime";
    }
  }

  /** The last lines an exited instance wrote. */
  record OutputCaptured(ContainerKey container, List<String> lines) implements RunEvent {
    public OutputCaptured {
      lines = List.copyOf(lines);
    }

    @Override
    public String source() {
      return "runtime";
    }
  }

  /** One check of the named event's trigger answered. */
  record ProbeResult(String event, ProbeOutcome outcome) implements RunEvent {
    @Override
    public String source() {
      return "trigger";
    }
  }

  /**
   * The stop timeout of the container the stop signal went to ran out (it may have exited
   * meanwhile: the loop checks, and kills it if not).
   */
  record StopTimedOut(ContainerKey container, String containerId) implements RunEvent {
    @Override
    public String source() {
      return "timer";
    }
  }

  /** The named event's timeout ran out (it may have fired meanwhile: the loop checks). */
  record EventDeadlinePassed(String event) implements RunEvent {
    @Override
    public String source() {
      return "timer";
    }
  }

  record RestartDue(ContainerKey container) implements RunEvent {
    @Override
    public String source() {
      return "timer";
    }
  }

  record ReadyCheckResult(ProbeOutcome outcome) implements RunEvent {
    @Override
    public String source() {
      return "ready check";
    }
  }

  record ReadyDeadlinePassed() implements RunEvent {
    @Override
    public String source() {
      return "timer";
    }
  }

  /** The runtime's event stream ended: what the loop knows may be stale. */
  record RuntimeLost(String message) implements RunEvent {
    @Override
    public String source() {
      return "docker events";
    }
  }

  /**
   * What Docker holds of the app, looked at again: {@code resumed} after the daemon restarted
   * (nothing of the run's probes and timers survived), otherwise after Docker answered again
   * (they did; only Docker's events during the gap were lost).
   */
  record InstancesObserved(boolean resumed, String reason, List<ObservedInstance> instances)
      implements RunEvent {
    public InstancesObserved {
      instances = List.copyOf(instances);
    }

    @Override
    public String source() {
      return "recovery";
    }
  }

  /** Docker removed the instance ({@code destroy}): by a decision of ours, or behind our back. */
  record ContainerRemoved(String containerId) implements RunEvent {
    @Override
    public String source() {
      return "docker events";
    }
  }

  /**
   * What Docker holds of the app, looked at on the run's resync period while Docker answered all
   * along: a missed event (a die, a removal) is found here. {@code afterSequence} is the journal
   * sequence the run had when the look began; the loop drops a look that anything overtook.
   */
  record InstancesResynced(long afterSequence, List<ObservedInstance> instances)
      implements RunEvent {
    public InstancesResynced {
      instances = List.copyOf(instances);
    }

    @Override
    public String source() {
      return "resync";
    }
  }
}
