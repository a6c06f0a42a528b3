package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.PG_READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.trigger.ProbedTriggers;
import dev.tugboat.trigger.TcpConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The executor's dispatch over decisions is an {@code instanceof} chain ending in an {@link
 * AssertionError} (Java 17 has no exhaustive pattern switch): this test performs one decision of
 * every permitted subclass of the sealed {@link Decision}, so a new kind the executor does not name
 * fails here.
 */
class DecisionDispatchTest {

  private static List<Decision> samples() {
    return List.of(
        new Decision.Launch(APP, "its event fired"),
        new Decision.Restart(DB, 1, "restart policy always"),
        new Decision.ScheduleRestart(DB, Duration.ofSeconds(1), "back off"),
        new Decision.Stop(DB, Duration.ofSeconds(10), "stop requested"),
        new Decision.Probe(PG_READY, Duration.ZERO, "check"),
        new Decision.ScheduleDeadline(PG_READY, Duration.ofSeconds(600), "event timeout"),
        new Decision.CaptureOutput(DB, PlannerDriver.id(DB), "it failed"),
        new Decision.CheckReady(Duration.ZERO, "all started"),
        new Decision.ScheduleReadyDeadline(Duration.ofSeconds(600), "ready timeout"),
        new Decision.Fire(PG_READY, DB, "port-listen 5432", Duration.ZERO, List.of(), "answered"),
        new Decision.Finished(DB, InstancePhase.FAILED, 1, Duration.ZERO, false, "exit 1"),
        new Decision.Block(APP, "can never fire"),
        new Decision.ChangeApp(AppPhase.STARTED, "started", "ready"),
        new Decision.EndRun(AppPhase.STOPPED, "stopped", "nothing live"),
        new Decision.RemoveInstance("id-old", "tugboat-old", "no decision accounts for it"));
  }

  @Test
  void everyKindOfDecisionHasASample() {
    Map<Class<?>, Decision> byClass = samples().stream()
        .collect(Collectors.toMap(Object::getClass, Function.identity()));
    assertThat(byClass.keySet())
        .containsExactlyInAnyOrderElementsOf(Arrays.asList(Decision.class.getPermittedSubclasses()));
  }

  @Test
  void theExecutorNamesEveryKindOfDecision() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    ManualClock clock = new ManualClock();
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    List<Runnable> workers = new ArrayList<>();
    Launcher launcher = new Launcher() {
      @Override
      public PreparedContainer prepare(dev.tugboat.events.ContainerKey key, RunState state) {
        throw new LaunchException("not launched in this test");
      }

      @Override
      public ReadyProbe readyProbe(RunState state) {
        return () -> ProbeOutcome.passed("ready");
      }
    };
    TcpConnector refused = (address, port, timeout) -> TcpConnector.Answer.REFUSED;
    DecisionExecutor executor = new DecisionExecutor(Plans.migration(), runtime, workers::add,
        new ManualScheduler(clock), new EventBus(), launcher, new ProbedTriggers(runtime, refused),
        RunTiming.NONE);

    for (Decision decision : samples()) {
      assertThatCode(() -> executor.perform(decision, run.state))
          .as(decision.getClass().getSimpleName()).doesNotThrowAnyException();
    }
  }
}
