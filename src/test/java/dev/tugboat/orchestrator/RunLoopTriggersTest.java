package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Triggers and restarts through the loop, the executor and the in-memory runtime. */
class RunLoopTriggersTest {

  private static final ContainerKey DB = ContainerKey.parse("db/postgres");
  private static final ContainerKey APP = ContainerKey.parse("app/web");

  private static StartPlan pair(TriggerSpec trigger) {
    return StartPlan.of(
        List.of(PlannedContainer.service(DB, "postgres:15"), PlannedContainer.service(APP, "web:1")),
        List.of(Plans.event("db ready", DB, trigger, APP)));
  }

  @Test
  void execRunsAtStartAndEveryTwoSecondsUntilItExitsZero() {
    List<String> check = List.of("pg_isready", "-q");
    LoopHarness run = new LoopHarness(pair(new TriggerSpec(TriggerKind.EXEC, "", check)));
    run.runtime.scriptNamed("db-postgres")
        .execAnswers(check, ExecResult.of(2, "no response"))
        .execAnswersAfter(check, Duration.ofMillis(4500), ExecResult.of(0, "accepting"));

    run.start().advance(Duration.ofSeconds(10));

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("exec "))
        .containsExactly("exec db-postgres pg_isready -q", "exec db-postgres pg_isready -q",
            "exec db-postgres pg_isready -q", "exec db-postgres pg_isready -q");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.status().message()).isEqualTo("started in 6.0 s");
  }

  @Test
  void aPortProbedUntilItListensJournalsWhatItSawOnlyWhenThatChanged() {
    LoopHarness run = new LoopHarness(pair(TriggerSpec.of(TriggerKind.PORT_LISTEN, "5432")));
    run.runtime.scriptNamed("db-postgres").opensPortAfter(5432, Duration.ofSeconds(3));

    run.start().advance(Duration.ofSeconds(5));

    // Probed every 50 ms for 3 s, refused each time: one record of the refusal, then the answer.
    assertThat(run.journal.entries()).filteredOn(e -> e.record() instanceof RunEvent.ProbeResult)
        .extracting(e -> ((RunEvent.ProbeResult) e.record()).outcome().status())
        .containsExactly(ProbeOutcome.Status.PENDING, ProbeOutcome.Status.PASSED);
    assertThat(run.status().events().get(0).lastSeen()).endsWith(":5432 accepted a connection");
    assertThat(run.container(APP).state()).isEqualTo("running");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void logMatchFiresOnTheFirstMatchingLine() {
    LoopHarness run = new LoopHarness(pair(TriggerSpec.of(TriggerKind.LOG_MATCH,
        "ready to accept connections")));
    run.runtime.scriptNamed("db-postgres")
        .logsAfter(Duration.ofMillis(200), "initializing")
        .logsAfter(Duration.ofMillis(1200), "database system is ready to accept connections");

    run.start().advance(Duration.ofSeconds(5));

    assertThat(run.status().events().get(0).lastSeen())
        .isEqualTo("output matched /ready to accept connections/: database system is ready to "
            + "accept connections");
    assertThat(run.container(APP).state()).isEqualTo("running");
  }

  @Test
  void healthyWaitsForDockersHealthStatus() {
    LoopHarness run = new LoopHarness(pair(TriggerSpec.of(TriggerKind.HEALTHY)));
    run.runtime.scriptNamed("db-postgres").healthAfter(Duration.ofSeconds(3), HealthStatus.HEALTHY);

    run.start().advance(Duration.ofSeconds(2));
    assertThat(run.container(APP).state()).isEqualTo("waiting");

    run.advance(Duration.ofSeconds(2));
    assertThat(run.container(APP).state()).isEqualTo("running");
  }

  @Test
  void alwaysRestartsAnExitedServiceAndCountsTheRestarts() {
    LoopHarness run = new LoopHarness(StartPlan.of(List.of(PlannedContainer.service(DB, "pg:15")
        .withRestart(new RestartPolicy(RestartPolicy.Kind.ALWAYS, 0))), List.of()));
    run.runtime.scriptNamed("db-postgres").exitsAfter(Duration.ofSeconds(1), 1);

    run.start().advance(Duration.ofSeconds(4)); // exits at 1, 2.1, 3.3; back-off 0.1, 0.2, 0.4 s

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("start "))
        .containsExactly("start db-postgres", "start db-postgres", "start db-postgres",
            "start db-postgres");
    assertThat(run.container(DB).restarts()).isEqualTo(3);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void launchFailureFromTheRuntimeFailsTheAppWithItsMessage() {
    LoopHarness run = new LoopHarness(pair(TriggerSpec.of(TriggerKind.CONTAINER_START)));
    run.runtime.removeImage("postgres:15");

    run.start();

    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().message()).startsWith("could not start db/postgres: image postgres:15 "
        + "is not on this host");
    assertThat(run.container(APP).summary()).isEqualTo("blocked: \"db ready\" can never fire: "
        + "db/postgres failed before the event fired");
  }
}
