package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.runtime.ContainerConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daemon dies at a point of the migration sequence and a new one resumes the run from the
 * journal and what Docker holds: nothing starts twice, nothing fires twice, nothing is forgotten.
 */
class RunLoopRecoveryTest {

  private static final List<String> ONE_CLEAN_SEQUENCE = List.of(
      "create db-postgres", "start db-postgres",
      "port-open db-postgres 5432",
      "create db-migration-pythonapp", "start db-migration-pythonapp",
      "exit db-migration-pythonapp 0",
      "create python-app-pythonapp", "start python-app-pythonapp");

  @Test
  void migrationThatExitedWhileTheDaemonWasDownCountsOnceAndStartsTheApp() {
    LoopHarness dead = LoopHarness.migration().start().advance(Duration.ofSeconds(2)).crash();
    dead.advance(Duration.ofSeconds(5)); // the migration exits 0 while nobody watches

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(resumed.container(MIGRATION).summary()).isEqualTo("completed (exit 0, 2.0 s)");
    assertThat(resumed.container(MIGRATION).lastOutput())
        .containsExactly("applying 0001_create_greetings.sql");
    assertThat(fired(resumed, Plans.MIGRATED)).isEqualTo(1);
  }

  @Test
  void runningDatabaseIsAdoptedAndItsProbeArmedAgain() {
    LoopHarness dead = LoopHarness.migration().start().advance(Duration.ofMillis(500)).crash();
    dead.advance(Duration.ofSeconds(3)); // the port opens while nobody watches

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(fired(resumed, Plans.PG_READY)).isEqualTo(1);
  }

  @Test
  void launchJournaledButNeverDoneIsDoneOnceAfterTheRestart() {
    LoopHarness dying = LoopHarness.migration().holdWorkAfter(entry -> entry.record()
        instanceof Decision.Launch launch && launch.container().equals(MIGRATION));
    LoopHarness dead = dying.start().advance(Duration.ofSeconds(2)).crash();
    assertThat(dead.dockerCalls()).doesNotContain("create db-migration-pythonapp");

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(fired(resumed, Plans.PG_READY)).isEqualTo(1);
  }

  @Test
  void launchIsForcedToDiskBeforeItIsDone() {
    LoopHarness dying = LoopHarness.migration().holdWorkAfter(entry -> entry.record()
        instanceof Decision.Launch launch && launch.container().equals(MIGRATION));
    dying.start().advance(Duration.ofSeconds(2));

    long launchSequence = dying.journal.entries().stream()
        .filter(e -> e.record() instanceof Decision.Launch l && l.container().equals(MIGRATION))
        .mapToLong(JournalEntry::sequence).findFirst().orElseThrow();
    assertThat(dying.syncedAt).anyMatch(synced -> synced >= launchSequence);
  }

  @Test
  void instanceCreatedButNeverStartedIsReplacedNotAdoptedHalfMade() {
    LoopHarness dying = LoopHarness.migration().holdWorkAfter(entry -> entry.record()
        instanceof Decision.Launch launch && launch.container().equals(MIGRATION));
    LoopHarness dead = dying.start().advance(Duration.ofSeconds(2)).crash();
    dead.runtime.create(ContainerConfig.builder("pythonapp:1.4.2").name("db-migration-pythonapp")
        .labels(InstanceLabels.of("shop", "run-1", MIGRATION, "hash")).build());

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.runtime.history()).containsSubsequence(
        "create db-migration-pythonapp", "remove db-migration-pythonapp",
        "create db-migration-pythonapp", "start db-migration-pythonapp");
    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("start db-migration"))
        .hasSize(1);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void timeoutIsArmedAgainWithTheTimeAlreadySpent() {
    LoopHarness dead = new LoopHarness(Plans.withTimeout(Duration.ofSeconds(10)))
        .start().advance(Duration.ofSeconds(4)).crash();
    dead.advance(Duration.ofSeconds(3));

    LoopHarness resumed = dead.restart().advance(Duration.ofMillis(2900));
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTING);

    resumed.advance(Duration.ofMillis(200));
    assertThat(resumed.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(resumed.status().message()).startsWith("event \"" + Plans.PG_READY + "\"")
        .contains("did not fire within 10 s");
  }

  @Test
  void instancesNoDecisionAccountsForAreRemovedAndTheRemovalRecorded() {
    LoopHarness dead = LoopHarness.migration().start().advance(Duration.ofSeconds(10)).crash();
    dead.runtime.create(ContainerConfig.builder("pythonapp:1.4.2").name("stray")
        .labels(InstanceLabels.of("shop", "run-1", APP, "hash")).build());
    var old = dead.runtime.create(ContainerConfig.builder("postgres:15").name("old-db")
        .labels(InstanceLabels.of("shop", "run-0", DB, "hash")).build());
    dead.runtime.start(old);

    LoopHarness resumed = dead.restart();

    assertThat(resumed.runtime.history()).contains("remove stray", "remove old-db");
    assertThat(resumed.journal.entries()).extracting(JournalEntry::record)
        .filteredOn(Decision.RemoveInstance.class::isInstance)
        .extracting(r -> ((Decision.RemoveInstance) r).name())
        .containsExactlyInAnyOrder("stray", "old-db");
    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("create python-app"))
        .hasSize(1);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void replayedStateIsTheStateTheDeadDaemonHad() {
    LoopHarness dying = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    RunStatus before = dying.status();

    LoopHarness resumed = dying.crash().restart();

    assertThat(resumed.status().containers()).isEqualTo(before.containers());
    assertThat(resumed.status().events()).isEqualTo(before.events());
    assertThat(resumed.status().state()).isEqualTo(before.state());
    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("create "))
        .hasSize(3);
  }

  @Test
  void servicesStoppedWhileTheDaemonWasDownInterruptTheRun() {
    LoopHarness dead = LoopHarness.migration().start().advance(Duration.ofSeconds(10)).crash();
    dead.runtime.exitNow("python-app-pythonapp", 0);
    dead.runtime.exitNow("db-postgres", 0);

    LoopHarness resumed = dead.restart();

    assertThat(resumed.status().interrupted()).isTrue();
    assertThat(resumed.status().ended()).isTrue();
    assertThat(resumed.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(resumed.status().message()).isEqualTo("interrupted: db/postgres exited with code 0"
        + " at 2026-01-01T00:00:10Z; python-app/pythonapp exited with code 0 at"
        + " 2026-01-01T00:00:10Z while Tugboat was not running");
  }

  @Test
  void dockerOutageShowsUnknownStatesThenConvergesOnWhatHappenedMeanwhile() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(2));
    run.runtime.stopEngine();
    run.run.loop().drain();

    assertThat(run.status().dockerLost()).contains("engine stopped");
    assertThat(run.container(DB).state()).isEqualTo("unknown");
    assertThat(run.container(MIGRATION).state()).isEqualTo("unknown");

    run.advance(Duration.ofSeconds(3)); // the migration exits while Docker's stream is down
    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(11));

    assertThat(run.status().dockerLost()).isEmpty();
    assertThat(run.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(fired(run, Plans.MIGRATED)).isEqualTo(1);
  }

  @Test
  void engineThatStoppedTheServicesBeforeItWentAwayInterruptsTheRun() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.exitNow("python-app-pythonapp", 143); // a stopping engine stops every container
    run.runtime.exitNow("db-postgres", 0);
    run.runtime.stopEngine();
    run.run.loop().drain();
    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().interrupted()).isFalse();

    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(11));

    assertThat(run.status().interrupted()).isTrue();
    assertThat(run.status().ended()).isTrue();
    assertThat(run.status().message()).isEqualTo("interrupted: db/postgres exited with code 0"
        + " at 2026-01-01T00:00:10Z; python-app/pythonapp exited with code 143 at"
        + " 2026-01-01T00:00:10Z while Docker was unreachable");
  }

  @Test
  void serviceThatFailedLongBeforeDockerWentAwayDoesNotMakeItAnInterruption() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.exitNow("python-app-pythonapp", 1);
    run.advance(Duration.ofMinutes(5));
    run.runtime.stopEngine();
    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(11));

    assertThat(run.status().interrupted()).isFalse();
    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().message()).startsWith("python-app/pythonapp exited with code 1");
  }

  @Test
  void oneOutageIsJournaledOnceHoweverManyAttemptsFail() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.stopEngine();
    run.advance(Duration.ofSeconds(30)); // attempts at 0.25, 0.5, 1, 2, 4, 8 s... all refused
    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(11));

    assertThat(run.journal.entries()).extracting(JournalEntry::record)
        .filteredOn(r -> r instanceof dev.tugboat.events.RunEvent.RuntimeLost).hasSize(1);
    assertThat(run.journal.entries()).extracting(JournalEntry::record)
        .filteredOn(r -> r instanceof dev.tugboat.events.RunEvent.InstancesObserved).hasSize(1);
    assertThat(run.status().dockerLost()).isEmpty();
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  private static long fired(LoopHarness run, String event) {
    return run.journal.entries().stream()
        .filter(e -> e.record() instanceof Decision.Fire f && f.event().equals(event))
        .count();
  }
}
