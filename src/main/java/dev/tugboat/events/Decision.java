package dev.tugboat.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Duration;
import java.util.List;

/**
 * What a run's loop decided in answer to one {@link RunEvent}, with its cause in words. Some
 * decisions ask for work (launch, stop, probe, timers); others record a conclusion (an event fired,
 * a container is blocked, the app's state changed). The executor performs the first kind and the
 * journal keeps both.
 */
@JsonSubTypes({
  @JsonSubTypes.Type(value = Decision.Launch.class, name = "launch"),
  @JsonSubTypes.Type(value = Decision.Restart.class, name = "restart"),
  @JsonSubTypes.Type(value = Decision.ScheduleRestart.class, name = "schedule-restart"),
  @JsonSubTypes.Type(value = Decision.Stop.class, name = "stop"),
  @JsonSubTypes.Type(value = Decision.Probe.class, name = "probe"),
  @JsonSubTypes.Type(value = Decision.ScheduleDeadline.class, name = "schedule-deadline"),
  @JsonSubTypes.Type(value = Decision.CaptureOutput.class, name = "capture-output"),
  @JsonSubTypes.Type(value = Decision.CheckReady.class, name = "check-ready"),
  @JsonSubTypes.Type(value = Decision.ScheduleReadyDeadline.class, name = "schedule-ready-deadline"),
  @JsonSubTypes.Type(value = Decision.Fire.class, name = "fire"),
  @JsonSubTypes.Type(value = Decision.Finished.class, name = "container-finished"),
  @JsonSubTypes.Type(value = Decision.Block.class, name = "block"),
  @JsonSubTypes.Type(value = Decision.ChangeApp.class, name = "app"),
  @JsonSubTypes.Type(value = Decision.EndRun.class, name = "end-run"),
  @JsonSubTypes.Type(value = Decision.RemoveInstance.class, name = "remove-instance")
})
public sealed interface Decision extends JournalRecord {

  String cause();

  /** Render, create, copy files into and start the container's instance. */
  record Launch(ContainerKey container, String cause) implements Decision {}

  /** Start the exited instance again (its restart policy allows it). */
  record Restart(ContainerKey container, int attempt, String cause) implements Decision {}

  record ScheduleRestart(ContainerKey container, Duration delay, String cause)
      implements Decision {}

  /** SIGTERM, then SIGKILL after {@code timeout}. */
  record Stop(ContainerKey container, Duration timeout, String cause) implements Decision {}

  /** Check the named event's trigger after {@code delay} (zero: now). */
  record Probe(String event, Duration delay, String cause) implements Decision {}

  record ScheduleDeadline(String event, Duration timeout, String cause) implements Decision {}

  record CaptureOutput(ContainerKey container, String containerId, String cause)
      implements Decision {}

  /** Check {@code state.ready} after {@code delay}. */
  record CheckReady(Duration delay, String cause) implements Decision {}

  record ScheduleReadyDeadline(Duration timeout, String cause) implements Decision {}

  /** The named event fired; {@code starts} are the subscribers it starts (first event wins). */
  record Fire(
      String event,
      ContainerKey publisher,
      String trigger,
      Duration took,
      List<ContainerKey> starts,
      String cause)
      implements Decision {
    public Fire {
      starts = List.copyOf(starts);
    }
  }

  /** An instance ended for good: {@code phase} is COMPLETED, FAILED or STOPPED. */
  record Finished(
      ContainerKey container,
      InstancePhase phase,
      int exitCode,
      Duration ran,
      boolean ephemeral,
      String cause)
      implements Decision {}

  /** The container can never start: every event that would start it can never fire. */
  record Block(ContainerKey container, String cause) implements Decision {}

  record ChangeApp(AppPhase phase, String message, String cause) implements Decision {}

  /** Nothing of the run is live any more; the loop ends. */
  record EndRun(AppPhase phase, String message, String cause) implements Decision {}

  /** Remove an instance no decision of the run accounts for (killing it if it runs). */
  record RemoveInstance(String containerId, String name, String cause) implements Decision {}
}
