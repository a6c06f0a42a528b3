package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The migration pattern end to end through the loop, the executor and the in-memory runtime. */
class RunLoopMigrationTest {

  @Test
  void migrationStartsOnlyOnceTheDatabaseListensAndTheAppOnlyAfterTheMigration() {
    LoopHarness run = LoopHarness.migration().start();

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTING);
    assertThat(run.container(MIGRATION).summary())
        .isEqualTo("waiting for \"Postgres started and waiting for connections\"");

    run.advance(Duration.ofSeconds(10));

    assertThat(run.dockerCalls()).containsExactly(
        "create db-postgres", "start db-postgres",
        "port-open db-postgres 5432",
        "create db-migration-pythonapp", "start db-migration-pythonapp",
        "exit db-migration-pythonapp 0",
        "create python-app-pythonapp", "start python-app-pythonapp");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.status().message()).isEqualTo("started in 3.2 s");
    assertThat(run.container(MIGRATION).summary()).isEqualTo("completed (exit 0, 2.0 s)");
    assertThat(run.container(MIGRATION).lastOutput())
        .containsExactly("applying 0001_create_greetings.sql");
    assertThat(run.container(APP).startedBy()).isEqualTo("db migration complete");
    assertThat(run.container(DB).summary()).isEqualTo("running");
  }

  @Test
  void journalRecordsEveryFactAndDecisionInSequence() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));

    assertThat(run.journal.entries()).isNotEmpty();
    assertThat(run.journal.entries()).extracting(e -> e.sequence())
        .isSorted().doesNotHaveDuplicates();
    assertThat(run.journal.entries()).allMatch(e -> e.runId().equals("run-1"));
    assertThat(run.status().sequence())
        .isEqualTo(run.journal.entries().get(run.journal.entries().size() - 1).sequence());
  }

  @Test
  void stopGoesInReverseOrderAndTheRunEnds() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));

    run.stop();

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("signal "))
        .containsExactly("signal python-app-pythonapp", "signal db-postgres");
    assertThat(run.status().ended()).isTrue();
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(run.container(APP).summary()).isEqualTo("stopped (exit 143)");
    assertThat(run.container(MIGRATION).summary()).isEqualTo("completed (exit 0, 2.0 s)");
  }

  @Test
  void failedMigrationShowsItsExitAndOutputAndTheAppStillStartsOnContainerStop() {
    LoopHarness run = new LoopHarness(Plans.migration());
    run.runtime.scriptNamed("db-postgres").opensPortAfter(5432, Duration.ofMillis(100));
    run.runtime.scriptNamed("db-migration-pythonapp")
        .logsAfter(Duration.ofMillis(100), "applying 0002_add_greeting_language.sql")
        .logsAfter(Duration.ofMillis(200), "ERROR: column \"language\" already exists")
        .exitsAfter(Duration.ofMillis(300), 3);

    run.start().advance(Duration.ofSeconds(5));

    assertThat(run.container(MIGRATION).summary()).isEqualTo("failed (exit 3, 0.3 s)");
    assertThat(run.container(MIGRATION).lastOutput()).containsExactly(
        "applying 0002_add_greeting_language.sql", "ERROR: column \"language\" already exists");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.status().message()).isEqualTo("started in 0.4 s; 1 ephemeral container failed");
  }

  @Test
  void timeoutFailsTheRunAndNothingFurtherStarts() {
    LoopHarness run = new LoopHarness(Plans.withTimeout(Duration.ofSeconds(30)));

    run.start().advance(Duration.ofSeconds(31));

    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().message()).isEqualTo("event \"Postgres started and waiting for "
        + "connections\" (port-listen 5432 on db/postgres) did not fire within 30 s; last seen: "
        + "port 5432 refused connections at 172.17.0.2:5432");
    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres");
    assertThat(run.container(MIGRATION).summary()).isEqualTo("blocked: \"Postgres started and "
        + "waiting for connections\" can never fire: it timed out after 30 s");
  }
}
