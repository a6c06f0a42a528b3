package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Containers with several instances ({@code cluster_instance_count}) in the planner. */
class PlannerInstancesTest {

  private static final ContainerKey DB = ContainerKey.parse("db/cassandra");
  private static final ContainerKey DB1 = DB.withInstance(1);
  private static final ContainerKey DB2 = DB.withInstance(2);
  private static final ContainerKey DB3 = DB.withInstance(3);
  private static final ContainerKey WEB = ContainerKey.parse("web/shop");
  private static final ContainerKey JOB = ContainerKey.parse("job/setup");

  private static StartPlan plan(TriggerKind trigger) {
    return StartPlan.of(
        List.of(PlannedContainer.service(DB, "cassandra:4").withInstances(3),
            PlannedContainer.service(WEB, "shop:1")),
        List.of(Plans.event("db up", DB,
            TriggerSpec.of(trigger, trigger == TriggerKind.PORT_LISTEN ? "9042" : ""), WEB)));
  }

  @Test
  void everyInstanceIsLaunchedAndShownInThePlan() {
    StartPlan plan = plan(TriggerKind.CONTAINER_START);
    PlannerDriver run = new PlannerDriver(plan);

    assertThat(plan.toText()).isEqualTo("""
        start db/cassandra x3 (root)
        start web/shop <- "db up" (container-start on db/cassandra)
        """);
    assertThat(run.start()).containsExactly("app starting: starting",
        "launch db/cassandra#1", "launch db/cassandra#2", "launch db/cassandra#3");
    assertThat(run.state.instances().keySet()).containsExactly(DB1, DB2, DB3, WEB);
  }

  @Test
  void containerStartFiresOnTheFirstInstanceAndItsSubscriberWaitsForTheOthersToStart() {
    PlannerDriver run = new PlannerDriver(plan(TriggerKind.CONTAINER_START));
    run.start();

    assertThat(run.running(DB2)).containsExactly("deadline \"db up\" in 600 s",
        "fire \"db up\" starts [web/shop]");
    assertThat(run.instance(WEB).phase()).isEqualTo(InstancePhase.WAITING);
    assertThat(run.running(DB1)).isEmpty();
    assertThat(run.running(DB3)).containsExactly("launch web/shop");
    assertThat(run.instance(WEB).startedBy()).isEqualTo("db up");
    assertThat(run.all).filteredOn(d -> DecisionLines.line(d).startsWith("fire")).hasSize(1);
  }

  @Test
  void portListenFiresWhenTheFirstInstanceListens() {
    PlannerDriver run = new PlannerDriver(plan(TriggerKind.PORT_LISTEN));
    run.start();
    run.running(DB1);
    run.running(DB2);
    run.running(DB3);

    assertThat(run.probe("db up", ProbeOutcome.passed("db/cassandra#2 accepted on 9042")))
        .containsExactly("fire \"db up\" starts [web/shop]", "launch web/shop");
  }

  @Test
  void containerStopFiresWhenTheFirstInstanceStops() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.ephemeral(JOB, "setup:1").withInstances(2),
            PlannedContainer.service(WEB, "shop:1")),
        List.of(Plans.event("job done", JOB, TriggerSpec.of(TriggerKind.CONTAINER_STOP), WEB))));
    run.start();
    run.running(JOB.withInstance(1));
    run.running(JOB.withInstance(2));

    assertThat(run.exited(JOB.withInstance(2), 0)).containsExactly(
        "finished job/setup#2 completed exit 0", "capture job/setup#2",
        "fire \"job done\" starts [web/shop]", "launch web/shop");
  }

  @Test
  void containerExitWaitsForEveryInstanceToExitWithItsCode() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.ephemeral(JOB, "setup:1").withInstances(2),
            PlannedContainer.service(WEB, "shop:1")),
        List.of(Plans.event("job done", JOB, TriggerSpec.of(TriggerKind.CONTAINER_EXIT, "0"),
            WEB))));
    run.start();
    run.running(JOB.withInstance(1));
    run.running(JOB.withInstance(2));

    assertThat(run.exited(JOB.withInstance(1), 0)).containsExactly(
        "finished job/setup#1 completed exit 0", "capture job/setup#1");
    assertThat(run.exited(JOB.withInstance(2), 0)).containsExactly(
        "finished job/setup#2 completed exit 0", "capture job/setup#2",
        "fire \"job done\" starts [web/shop]", "launch web/shop");
  }

  @Test
  void anEphemeralContainerHasCompletedOnlyWhenEveryInstanceHas() {
    PlannerDriver run = new PlannerDriver(StartPlan.of(
        List.of(PlannedContainer.ephemeral(JOB, "setup:1").withInstances(2)), List.of()));
    run.start();
    run.running(JOB.withInstance(1));
    run.running(JOB.withInstance(2));

    run.exited(JOB.withInstance(1), 0);
    assertThat(run.state.app()).isEqualTo(AppPhase.STARTING);
    assertThat(run.exited(JOB.withInstance(2), 0)).contains(
        "app started: started in 0.0 s");
  }

  @Test
  void theEventCanNeverFireOnlyOnceEveryInstanceIsDown() {
    PlannerDriver fresh = new PlannerDriver(plan(TriggerKind.PORT_LISTEN));
    fresh.start();
    fresh.on(new RunEvent.LaunchFailed(DB1, "no such image"));
    assertThat(fresh.state.event("db up").canNeverFire()).isFalse();
    fresh.on(new RunEvent.LaunchFailed(DB2, "no such image"));
    fresh.on(new RunEvent.LaunchFailed(DB3, "no such image"));
    assertThat(fresh.state.event("db up").canNeverFire()).isTrue();
  }

  @Test
  void stopStopsEveryInstanceAfterItsSubscribers() {
    PlannerDriver run = new PlannerDriver(plan(TriggerKind.CONTAINER_START));
    run.start();
    run.running(DB1);
    run.running(DB2);
    run.running(DB3);
    run.running(WEB);

    assertThat(run.stop()).containsExactly("app stopping: interrupted", "stop web/shop");
    assertThat(run.stopped(WEB)).containsExactly("finished web/shop stopped exit -1",
        "stop db/cassandra#1", "stop db/cassandra#2", "stop db/cassandra#3");
  }
}
