package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.PreviousInstance;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ContainerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What earlier runs of the app left is removed by the new run's first decisions: journaled (and
 * forced to disk) before anything is removed, so a daemon killed during the clean-up finishes it
 * when it resumes, and a replay removes nothing of the new run.
 */
class RunLoopPreviousRunsTest {

  private static void leftByAnEarlierRun(LoopHarness run, String name) {
    run.runtime.create(ContainerConfig.builder("pythonapp:1.4.2").name(name)
        .labels(InstanceLabels.of("shop", "run-0", Plans.APP, "hash")).build());
  }

  @Test
  void theStartRemovesWhatEarlierRunsLeftBeforeItLaunchesAnything() {
    LoopHarness run = LoopHarness.migration();
    leftByAnEarlierRun(run, "db-postgres"); // the name the new run's instance takes
    run.runtime.create(ContainerConfig.builder("other:1").name("other-app")
        .labels(Map.of(InstanceLabels.APP, "other", InstanceLabels.RUN, "run-9")).build());

    run.start().advance(Duration.ofSeconds(5));

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("remove ")
        || h.startsWith("create db-postgres"))
        .containsExactly("create db-postgres", "remove db-postgres", "create db-postgres");
    assertThat(run.runtime.history()).doesNotContain("remove other-app");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    JournalEntry start = run.journal.entries().get(0);
    assertThat(start.record()).isInstanceOfSatisfying(RunEvent.StartRequested.class, s ->
        assertThat(s.previous()).extracting(PreviousInstance::runId, PreviousInstance::name)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("run-0", "db-postgres")));
    JournalEntry removal = run.journal.entries().stream()
        .filter(e -> e.record() instanceof Decision.RemoveInstance).findFirst().orElseThrow();
    assertThat(removal.causedBy()).isEqualTo(start.sequence());
    assertThat(removal.cause()).isEqualTo("left by run run-0; a new run replaces the previous run's"
        + " containers");
    assertThat(run.syncedAt).anyMatch(synced -> synced >= removal.sequence());
  }

  @Test
  void aCleanUpAKillCutShortIsFinishedWhenTheRunResumesAndNothingIsRedone() {
    LoopHarness first = LoopHarness.migration();
    leftByAnEarlierRun(first, "old-web");
    LoopHarness dead = first.start().advance(Duration.ofSeconds(1)).crash();
    // As if the kill came between the journaled decision and the removal: still there.
    leftByAnEarlierRun(dead, "old-web-2");

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("remove "))
        .containsExactly("remove old-web", "remove old-web-2");
    assertThat(resumed.dockerCalls())
        .filteredOn(h -> h.startsWith("create ") && !h.startsWith("create old-web"))
        .containsExactly("create db-postgres", "create db-migration-pythonapp",
            "create python-app-pythonapp");
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(resumed.journal.entries()).filteredOn(e -> e.record()
        instanceof Decision.RemoveInstance r && r.name().equals("old-web-2"))
        .singleElement().extracting(JournalEntry::cause)
        .isEqualTo("left by run run-0, which this run replaced");
  }

  @Test
  void aReplayedStartRemovesNothingAgain() {
    LoopHarness first = LoopHarness.migration();
    leftByAnEarlierRun(first, "old-web");
    LoopHarness dead = first.start().advance(Duration.ofSeconds(5)).crash();

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("remove "))
        .containsExactly("remove old-web");
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(resumed.journal.entries().stream().map(JournalEntry::record)
        .filter(Decision.RemoveInstance.class::isInstance)).hasSize(1);
  }

  @Test
  void nothingIsLeftOverWhenNoEarlierRunLeftAnything() {
    LoopHarness run = LoopHarness.migration().start();

    assertThat(run.journal.entries().get(0).record()).isEqualTo(new RunEvent.StartRequested(
        List.of()));
  }
}
