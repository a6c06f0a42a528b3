package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.PG_READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ObservedInstance;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The planner's dispatch over events is an {@code instanceof} chain ending in an {@link
 * AssertionError} (Java 17 has no exhaustive pattern switch): this test feeds one event of every
 * permitted subclass of the sealed {@link RunEvent}, so a new kind without a rule fails here.
 */
class PlannerDispatchTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  /** One event of each kind, valid in a started migration run whose database runs. */
  private static List<RunEvent> samples() {
    String db = PlannerDriver.id(DB);
    return List.of(
        new RunEvent.StartRequested(),
        new RunEvent.StopRequested("operator asked"),
        new RunEvent.ContainerCreated(APP, "id-app", "tugboat-app"),
        new RunEvent.ContainerStarted(APP, "id-app", AT, "172.17.0.3",
            List.of(new BoundPort(8080, "tcp", "0.0.0.0", 18080))),
        new RunEvent.ContainerExited(db, 1, AT),
        new RunEvent.ContainerHealthChanged(db, "healthy"),
        new RunEvent.LaunchFailed(APP, "image missing"),
        new RunEvent.StopCompleted(DB, ""),
        new RunEvent.StopTimedOut(DB, "c0ffee"),
        new RunEvent.OutputCaptured(DB, List.of("bye")),
        new RunEvent.ProbeResult(PG_READY, ProbeOutcome.passed("accepted")),
        new RunEvent.EventDeadlinePassed(PG_READY),
        new RunEvent.RestartDue(DB),
        new RunEvent.ReadyCheckResult(ProbeOutcome.passed("ready")),
        new RunEvent.ReadyDeadlinePassed(),
        new RunEvent.RuntimeLost("stream closed"),
        new RunEvent.InstancesObserved(false, "the stream came back", List.of(
            new ObservedInstance("run-1", DB, db, "tugboat-db", ObservedInstance.Status.RUNNING,
                AT, null, 0, "172.17.0.9", List.of(), null))),
        new RunEvent.ContainerRemoved(db),
        new RunEvent.InstancesResynced(0, List.of()));
  }

  @Test
  void everyKindOfRunEventHasASample() {
    Map<Class<?>, RunEvent> byClass = samples().stream()
        .collect(Collectors.toMap(Object::getClass, Function.identity()));
    assertThat(byClass.keySet())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(RunEvent.class.getPermittedSubclasses()));
  }

  @Test
  void thePlannerHasARuleForEveryKindOfRunEvent() {
    for (RunEvent event : samples()) {
      PlannerDriver run = new PlannerDriver(Plans.migration());
      run.start();
      run.running(DB);
      assertThatCode(() -> run.on(event)).as(event.getClass().getSimpleName())
          .doesNotThrowAnyException();
    }
  }
}
