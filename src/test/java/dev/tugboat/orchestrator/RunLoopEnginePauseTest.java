package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run under an engine that stops answering (paused) without ending its event stream. */
class RunLoopEnginePauseTest {

  @Test
  void aStopTheEngineDoesNotAnswerIsAskedAgainUntilItDoesAndNoContainerIsTakenAsStoppedMeanwhile() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);

    run.runtime.pauseEngine();
    run.stop().advance(Duration.ofSeconds(40));
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPING);
    assertThat(run.status().ended()).isFalse();
    assertThat(run.status().containers()).as("none claimed stopped while Docker does not answer")
        .noneMatch(c -> c.state().equals("stopped"));

    run.runtime.resumeEngine();
    run.advance(Duration.ofSeconds(11));
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(run.status().ended()).isTrue();
    assertThat(run.runtime.listByLabels(Map.of()))
        .noneMatch(c -> c.state() == ContainerState.RUNNING);
  }

  @Test
  void aStartTheEngineDidNotAnswerInTimeIsAskedAgainAndTheAppStartsInsteadOfFailing() {
    ContainerKey key = ContainerKey.parse("web/httpd");
    LoopHarness run = new LoopHarness(StartPlan.of(List.of(PlannedContainer.service(key,
        "httpd:1")), List.of()));
    run.runtime.scriptNamed(LoopHarness.nameOf(key)).failsToStart(RuntimeFailure
        .engineDidNotAnswer(run.runtime.hostFacts().engineHost(), "start", Duration.ofSeconds(15)), 2);

    run.start().advance(Duration.ofSeconds(5));

    assertThat(run.runtime.history()).filteredOn(h -> h.equals("start web-httpd")).hasSize(3);
    assertThat(run.container(key).state()).isEqualTo("running");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void anEphemeralContainerWhoseStartWasCarriedOutButAnsweredLateRunsOnce() {
    LoopHarness run = LoopHarness.migration();
    run.runtime.scriptNamed("db-migration-pythonapp") // a script replaces the migration's own
        .startsButAnswersLate(RuntimeFailure.engineDidNotAnswer(
            run.runtime.hostFacts().engineHost(), "start", Duration.ofSeconds(15)), 1)
        .exitsAfter(Duration.ofMillis(300), 0);

    run.start();
    for (int i = 0; i < 40; i++) {
      run.advance(Duration.ofMillis(500));
    }

    assertThat(run.runtime.history()).as("the migration ran and exited before the answer came:"
        + " started again, it would run twice").filteredOn(h -> h.equals("start db-migration-pythonapp"))
        .hasSize(1);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }
}
