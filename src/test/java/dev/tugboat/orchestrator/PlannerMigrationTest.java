package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATED;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static dev.tugboat.orchestrator.Plans.PG_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The article's pattern: database, then migration once it accepts connections, then the app. */
class PlannerMigrationTest {

  @Test
  void databaseThenMigrationThenApp() {
    PlannerDriver run = new PlannerDriver(Plans.migration());

    assertThat(run.start()).containsExactly("app starting: starting", "launch db/postgres");
    assertThat(run.instance(MIGRATION).phase()).isEqualTo(InstancePhase.WAITING);
    assertThat(run.instance(MIGRATION).waitingOn()).containsExactly(PG_READY);

    assertThat(run.running(DB)).containsExactly(
        "deadline \"" + PG_READY + "\" in 600 s", "probe \"" + PG_READY + "\" in 0 ms");
    assertThat(run.probe(PG_READY, ProbeOutcome.pending("port 5432 refused connections")))
        .containsExactly("probe \"" + PG_READY + "\" in 50 ms");

    assertThat(run.advance(Duration.ofMillis(1200))
        .probe(PG_READY, ProbeOutcome.passed("172.17.0.9:5432 accepted a connection")))
        .containsExactly("fire \"" + PG_READY + "\" starts [db-migration/pythonapp]",
            "launch db-migration/pythonapp");
    assertThat(run.instance(MIGRATION).startedBy()).isEqualTo(PG_READY);

    assertThat(run.running(MIGRATION)).containsExactly("deadline \"" + MIGRATED + "\" in 600 s");
    assertThat(run.advance(Duration.ofMillis(2100)).exited(MIGRATION, 0)).containsExactly(
        "finished db-migration/pythonapp completed exit 0",
        "capture db-migration/pythonapp",
        "fire \"" + MIGRATED + "\" starts [python-app/pythonapp]",
        "launch python-app/pythonapp");

    assertThat(run.running(APP)).containsExactly(
        "app started: started in 3.3 s");
    assertThat(run.state.app()).isEqualTo(AppPhase.STARTED);
    assertThat(run.all).filteredOn(Decision.Fire.class::isInstance)
        .extracting(d -> ((Decision.Fire) d).took())
        .containsExactly(Duration.ofMillis(1200), Duration.ofMillis(2100));
  }

  @Test
  void failedMigrationStillFiresContainerStopAsReplicatedDoes() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.running(MIGRATION);

    assertThat(run.exited(MIGRATION, 3)).containsExactly(
        "finished db-migration/pythonapp failed exit 3",
        "capture db-migration/pythonapp",
        "fire \"" + MIGRATED + "\" starts [python-app/pythonapp]",
        "launch python-app/pythonapp");
    assertThat(run.instance(MIGRATION).detail()).isEqualTo("exit 3");
    assertThat(run.state.app()).isEqualTo(AppPhase.STARTING);
  }

  @Test
  void containerExitZeroBlocksTheAppWhenTheMigrationFails() {
    PlannerDriver run =
        new PlannerDriver(Plans.migration(TriggerSpec.of(TriggerKind.CONTAINER_EXIT, "0")));
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.running(MIGRATION);

    assertThat(run.exited(MIGRATION, 3)).containsExactly(
        "finished db-migration/pythonapp failed exit 3",
        "capture db-migration/pythonapp",
        "block python-app/pythonapp: \"db migration complete\" can never fire: "
            + "db-migration/pythonapp exited with code 3, not 0",
        "app failed: python-app/pythonapp can never start: \"db migration complete\" can never "
            + "fire: db-migration/pythonapp exited with code 3, not 0");
    assertThat(run.instance(APP).phase()).isEqualTo(InstancePhase.BLOCKED);
  }

  @Test
  void containerExitZeroStartsTheAppOnSuccess() {
    PlannerDriver run =
        new PlannerDriver(Plans.migration(TriggerSpec.of(TriggerKind.CONTAINER_EXIT, "0")));
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.running(MIGRATION);

    assertThat(run.exited(MIGRATION, 0)).contains(
        "fire \"" + MIGRATED + "\" starts [python-app/pythonapp]", "launch python-app/pythonapp");
  }

  @Test
  void failedEphemeralOutputIsKeptForStatus() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.running(MIGRATION);
    run.exited(MIGRATION, 3);

    run.on(new dev.tugboat.events.RunEvent.OutputCaptured(MIGRATION,
        java.util.List.of("Running migrations", "relation \"users\" already exists")));

    assertThat(run.instance(MIGRATION).lastOutput())
        .containsExactly("Running migrations", "relation \"users\" already exists");
    assertThat(run.state.awaitingOutput()).isEmpty();
  }

  @Test
  void exitReportedBeforeItsStartIsAppliedOnceTheStartIsSeen() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    run.probe(PG_READY, ProbeOutcome.passed("accepted"));
    run.on(new dev.tugboat.events.RunEvent.ContainerCreated(MIGRATION,
        PlannerDriver.id(MIGRATION), "migration"));

    assertThat(run.exited(MIGRATION, 0)).isEmpty();
    assertThat(run.on(new dev.tugboat.events.RunEvent.ContainerStarted(MIGRATION,
        PlannerDriver.id(MIGRATION), run.now, "172.17.0.3", java.util.List.of())))
        .containsExactly("deadline \"" + MIGRATED + "\" in 600 s",
            "finished db-migration/pythonapp completed exit 0",
            "capture db-migration/pythonapp",
            "fire \"" + MIGRATED + "\" starts [python-app/pythonapp]",
            "launch python-app/pythonapp");
    assertThat(run.state.earlyExits()).isEmpty();
  }
}
