package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static dev.tugboat.orchestrator.Plans.PG_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerRulesTest {

  private static final ContainerKey A = ContainerKey.parse("a/one");
  private static final ContainerKey B = ContainerKey.parse("b/two");
  private static final ContainerKey C = ContainerKey.parse("c/three");

  @Test
  void timeoutFailsTheRunNamingEventTriggerContainerAndWhatWasLastSeen() {
    PlannerDriver run = new PlannerDriver(Plans.withTimeout(Duration.ofSeconds(30)));
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.pending("port 5432 refused connections at 172.17.0.9:5432"));

    assertThat(run.advance(Duration.ofSeconds(30))
        .on(new RunEvent.EventDeadlinePassed(PG_READY))).containsExactly(
        "app failed: event \"" + PG_READY + "\" (port-listen 5432 on db/postgres) did not fire "
            + "within 30 s; last seen: port 5432 refused connections at 172.17.0.9:5432",
        "block db-migration/pythonapp: \"" + PG_READY + "\" can never fire: it timed out after 30 s",
        "block python-app/pythonapp: \"db migration complete\" can never fire: "
            + "db-migration/pythonapp is blocked");
    assertThat(run.instance(APP).phase()).isEqualTo(InstancePhase.BLOCKED);

    assertThat(run.probe(PG_READY, ProbeOutcome.passed("accepted"))).isEmpty();
    assertThat(run.instance(MIGRATION).phase()).isEqualTo(InstancePhase.BLOCKED);
  }

  @Test
  void deadlineAfterTheEventFiredChangesNothing() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));

    assertThat(run.on(new RunEvent.EventDeadlinePassed(PG_READY))).isEmpty();
    assertThat(run.state.app()).isEqualTo(AppPhase.STARTING);
  }

  @Test
  void aStartOfAnInstanceTheRunDoesNotHaveChangesNothing() {
    // A Swarm task's container on this node, or a container labelled by hand, may carry the
    // run's labels and name an instance the plan has not got.
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();

    assertThat(run.on(new RunEvent.ContainerStarted(DB.withInstance(7), "c0ffee",
        java.time.Instant.EPOCH, "172.17.0.9", List.of()))).isEmpty();
    assertThat(run.state.app()).isEqualTo(AppPhase.STARTING);
  }

  @Test
  void firstEventWinsAndALaterOneDoesNotStartAgain() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1"),
            PlannedContainer.service(C, "c:1")),
        List.of(Plans.event("a up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), C),
            Plans.event("b up", B, TriggerSpec.of(TriggerKind.CONTAINER_START), C))));

    assertThat(run.start()).containsExactly("app starting: starting", "launch a/one", "launch b/two");
    assertThat(run.running(B)).containsExactly("deadline \"b up\" in 600 s",
        "fire \"b up\" starts [c/three]", "launch c/three");
    assertThat(run.running(A)).containsExactly("deadline \"a up\" in 600 s",
        "fire \"a up\" starts []");
    assertThat(run.instance(C).startedBy()).isEqualTo("b up");
    assertThat(run.all).filteredOn(d -> DecisionLines.line(d).equals("launch c/three")).hasSize(1);
  }

  @Test
  void subscriberOfASkippedContainerIsBlockedButTheAppStarts() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1").skip(),
            PlannedContainer.service(C, "c:1")),
        List.of(Plans.event("b up", B, TriggerSpec.of(TriggerKind.CONTAINER_START), C))));

    assertThat(run.start()).containsExactly("app starting: starting", "launch a/one",
        "block c/three: \"b up\" can never fire: b/two is skipped (when is false)");
    assertThat(run.running(A)).containsExactly("app started: started in 0.0 s; 1 container blocked");
    assertThat(run.instance(C).detail())
        .isEqualTo("\"b up\" can never fire: b/two is skipped (when is false)");
  }

  @Test
  void publisherThatStopsBeforeItsPortListensBlocksItsSubscribers() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);

    List<String> lines = run.exited(DB, 1);

    assertThat(lines).containsExactly(
        "finished db/postgres failed exit 1",
        "capture db/postgres",
        "app failed: db/postgres exited with code 1 (restart policy never)",
        "block db-migration/pythonapp: \"" + PG_READY + "\" can never fire: "
            + "db/postgres failed (exit 1) before the event fired",
        "block python-app/pythonapp: \"db migration complete\" can never fire: "
            + "db-migration/pythonapp is blocked");
  }

  @Test
  void serviceOutputIsAddedToTheFailureMessage() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.exited(DB, 1);

    run.on(new RunEvent.OutputCaptured(DB, List.of("initdb: error", "FATAL: bad config")));

    assertThat(run.state.message()).isEqualTo("db/postgres exited with code 1 (restart policy never)"
        + "\nlast output of db/postgres:\n  initdb: error\n  FATAL: bad config");
  }

  @Test
  void onFailureRestartsUpToMaxThenFailsTheApp() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1")
            .withRestart(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 2))),
        List.of()));
    run.start();
    run.running(A);

    assertThat(run.exited(A, 2)).containsExactly("restart a/one in 100 ms");
    assertThat(run.instance(A).phase()).isEqualTo(InstancePhase.RESTARTING);
    assertThat(run.on(new RunEvent.RestartDue(A))).containsExactly("restart a/one #1");
    run.running(A);
    assertThat(run.exited(A, 2)).containsExactly("restart a/one in 200 ms");
    run.on(new RunEvent.RestartDue(A));
    run.running(A);

    assertThat(run.exited(A, 2)).containsExactly("finished a/one failed exit 2", "capture a/one",
        "app failed: a/one exited with code 2 after 2 restarts (restart policy on-failure (max 2))");
    assertThat(run.instance(A).restarts()).isEqualTo(2);
  }

  @Test
  void onFailureDoesNotRestartACleanExit() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1")
            .withRestart(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 0))),
        List.of()));
    run.start();
    run.running(A);

    assertThat(run.exited(A, 0)).contains(
        "app failed: a/one exited with code 0 (restart policy on-failure)");
  }

  @Test
  void alwaysRestartsAfterACleanExit() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1")
            .withRestart(new RestartPolicy(RestartPolicy.Kind.ALWAYS, 0))),
        List.of()));
    run.start();
    run.running(A);

    assertThat(run.exited(A, 0)).containsExactly("restart a/one in 100 ms");
  }

  @Test
  void stopGoesInReverseOrderOfTheStartPlan() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.running(MIGRATION);
    run.exited(MIGRATION, 0);
    run.running(APP);

    assertThat(run.stop()).containsExactly("app stopping: interrupted",
        "stop python-app/pythonapp");
    assertThat(run.stopped(APP)).containsExactly(
        "finished python-app/pythonapp stopped exit -1", "stop db/postgres");
    assertThat(run.exited(DB, 0)).containsExactly("finished db/postgres stopped exit 0");
    assertThat(run.on(new RunEvent.OutputCaptured(MIGRATION, List.of())))
        .containsExactly("end stopped: stopped");
    assertThat(run.stopped(DB)).isEmpty();
  }

  @Test
  void stopDuringStartStartsNothingMore() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.on(new RunEvent.ContainerCreated(DB, PlannerDriver.id(DB), "db"));

    assertThat(run.stop()).containsExactly("app stopping: interrupted");
    assertThat(run.running(DB)).containsExactly("stop db/postgres");
    assertThat(run.probe(PG_READY, ProbeOutcome.passed("accepted"))).isEmpty();
    assertThat(run.stopped(DB)).containsExactly("finished db/postgres stopped exit -1",
        "end stopped: stopped");
    assertThat(run.instance(MIGRATION).phase()).isEqualTo(InstancePhase.WAITING);
  }

  @Test
  void launchFailureFailsTheApp() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();

    assertThat(run.on(new RunEvent.LaunchFailed(DB, "no such image postgres:15")))
        .containsExactly("finished db/postgres failed exit -1",
            "app failed: could not start db/postgres: no such image postgres:15",
            "block db-migration/pythonapp: \"" + PG_READY + "\" can never fire: "
                + "db/postgres failed before the event fired",
            "block python-app/pythonapp: \"db migration complete\" can never fire: "
                + "db-migration/pythonapp is blocked");
  }

  @Test
  void readyCheckIsPolledOnceEveryContainerRunsAndStartsTheApp() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(List.of(PlannedContainer.service(A, "a:1")),
        List.of(), Optional.of(new ReadyCheck("tcp_port_accept 10.0.0.5:80",
            Optional.of(Duration.ofSeconds(900))))));
    run.start();

    assertThat(run.running(A)).containsExactly("ready deadline in 900 s", "check ready in 0 ms");
    assertThat(run.on(new RunEvent.ReadyCheckResult(ProbeOutcome.pending("refused"))))
        .containsExactly("check ready in 1000 ms");
    assertThat(run.advance(Duration.ofSeconds(2))
        .on(new RunEvent.ReadyCheckResult(ProbeOutcome.passed("accepted"))))
        .containsExactly("app started: started in 2.0 s");
  }

  @Test
  void readyCheckTimeoutFailsTheApp() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(List.of(PlannedContainer.service(A, "a:1")),
        List.of(), Optional.of(new ReadyCheck("http_status_code http://10.0.0.5/health 200",
            Optional.of(Duration.ofSeconds(900))))));
    run.start();
    run.running(A);
    run.on(new RunEvent.ReadyCheckResult(ProbeOutcome.pending("status 503")));

    assertThat(run.on(new RunEvent.ReadyDeadlinePassed())).containsExactly(
        "app failed: ready check http_status_code http://10.0.0.5/health 200 did not pass within "
            + "900 s; last seen: status 503");
  }
}
