package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Decision;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Docker's event stream drops an event without breaking, or a container is removed or killed
 * behind Tugboat's back: the run's periodic look finds it within the period and handles it as
 * the event would have been, and a look that finds nothing new leaves the journal as it was.
 */
class RunLoopResyncTest {

  private static final Duration PERIOD = Run.DEFAULT_RESYNC_PERIOD;

  private static LoopHarness service(RestartPolicy policy) {
    return new LoopHarness(StartPlan.of(List.of(PlannedContainer.service(DB, "pg:15")
        .withRestart(policy)), List.of())).start();
  }

  @Test
  void aRunningContainerRemovedUnseenFailsTheAppSayingSoWhenItsPolicyIsNever() {
    LoopHarness run = service(RestartPolicy.NEVER);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);

    run.runtime.unseen(() -> run.runtime.removeNamed("db-postgres"));
    run.advance(PERIOD.minusSeconds(1));
    assertThat(run.container(DB).state()).isEqualTo("running"); // not looked yet

    run.advance(Duration.ofSeconds(1));

    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().message())
        .isEqualTo("db/postgres was removed outside Tugboat (restart policy never)");
    assertThat(run.container(DB).state()).isEqualTo("failed");
    assertThat(run.container(DB).containerId()).isEmpty();
    assertThat(run.container(DB).instanceName()).isEmpty();
    assertThat(run.container(DB).detail()).isEqualTo("its container was removed outside Tugboat");
    assertThat(run.runtime.history()).doesNotContain("logs db-postgres");
  }

  @Test
  void aRunningContainerRemovedUnseenIsLaunchedAgainWhenItsPolicyRestartsIt() {
    LoopHarness run = service(new RestartPolicy(RestartPolicy.Kind.ALWAYS, 0));

    run.runtime.unseen(() -> run.runtime.removeNamed("db-postgres"));
    run.advance(PERIOD);

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres",
        "exit db-postgres 137", "create db-postgres", "start db-postgres");
    assertThat(run.container(DB).state()).isEqualTo("running");
    assertThat(run.container(DB).restarts()).isEqualTo(1);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(decisions(run, Decision.Launch.class)).last()
        .extracting(Decision.Launch::cause).isEqualTo("launched again: its container was "
            + "removed outside Tugboat; restart policy always");
  }

  @Test
  void aRemovalTheEventStreamReportsIsLaunchedAgainAtOnceNotRestartedInVain() {
    LoopHarness run = service(new RestartPolicy(RestartPolicy.Kind.ALWAYS, 0));

    run.runtime.removeNamed("db-postgres"); // die, then destroy, as docker rm -f reports it
    run.advance(Duration.ofSeconds(1));

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres",
        "exit db-postgres 137", "create db-postgres", "start db-postgres");
    assertThat(run.container(DB).state()).isEqualTo("running");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void aContainerRemovedDuringItsRestartBackOffIsLaunchedAgainNotFailed() {
    LoopHarness run = service(new RestartPolicy(RestartPolicy.Kind.ALWAYS, 0));

    run.runtime.exitNow("db-postgres", 1);
    run.advance(Duration.ZERO); // the die is seen: a restart after 0.1 s
    run.runtime.unseen(() -> run.runtime.removeNamed("db-postgres"));
    run.advance(Duration.ofSeconds(1));

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres",
        "exit db-postgres 1", "create db-postgres", "start db-postgres");
    assertThat(run.container(DB).state()).isEqualTo("running");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void aContainerKilledUnseenIsRestartedByItsPolicyWithItsRealExitCode() {
    LoopHarness run = service(new RestartPolicy(RestartPolicy.Kind.ON_FAILURE, 0));

    run.runtime.unseen(() -> run.runtime.exitNow("db-postgres", 137));
    run.advance(PERIOD.plusSeconds(1)); // the look, then the restart's back-off

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres",
        "exit db-postgres 137", "start db-postgres");
    assertThat(run.container(DB).state()).isEqualTo("running");
    assertThat(run.container(DB).restarts()).isEqualTo(1);
    assertThat(decisions(run, Decision.ScheduleRestart.class)).singleElement()
        .extracting(Decision.ScheduleRestart::cause)
        .isEqualTo("exited with code 137; restart policy on-failure");
  }

  @Test
  void aContainerKilledUnseenFailsTheAppAsItsDieWouldHave() {
    LoopHarness run = service(RestartPolicy.NEVER);

    run.runtime.unseen(() -> run.runtime.exitNow("db-postgres", 137));
    run.advance(PERIOD);

    assertThat(run.status().state()).isEqualTo(AppPhase.FAILED);
    assertThat(run.status().message())
        .startsWith("db/postgres exited with code 137 (restart policy never)");
    assertThat(run.container(DB).containerId()).isNotEmpty(); // still there, for its logs
  }

  @Test
  void aCompletedMigrationWhoseContainerWasRemovedIsNotRunAgain() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(5));
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);

    run.runtime.unseen(() -> run.runtime.removeNamed("db-migration-pythonapp"));
    run.advance(PERIOD.multipliedBy(3));

    assertThat(run.dockerCalls()).filteredOn(h -> h.startsWith("create "))
        .containsExactly("create db-postgres", "create db-migration-pythonapp",
            "create python-app-pythonapp");
    assertThat(run.container(MIGRATION).summary()).isEqualTo("completed (exit 0, 2.0 s)");
    assertThat(run.container(MIGRATION).containerId()).isEmpty();
    assertThat(run.container(MIGRATION).detail())
        .isEqualTo("its container was removed outside Tugboat");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.container(APP).state()).isEqualTo("running");
  }

  @Test
  void looksThatFindNothingNewLeaveTheJournalAsItWas() {
    // Past the events' timeouts (10 min), whose timers are journaled when they run out.
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofMinutes(11));
    int lines = run.journal.entries().size();
    long sequence = run.status().sequence();

    run.advance(PERIOD.multipliedBy(100));

    assertThat(run.journal.entries()).hasSize(lines)
        .noneMatch(e -> e.record() instanceof RunEvent.InstancesResynced);
    assertThat(run.status().sequence()).isEqualTo(sequence);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void aLookThatFindsSomethingIsJournaledOnceWithWhatItDecided() {
    LoopHarness run = service(RestartPolicy.NEVER);
    run.runtime.unseen(() -> run.runtime.removeNamed("db-postgres"));

    run.advance(PERIOD.multipliedBy(5));

    assertThat(run.journal.entries()).filteredOn(e -> e.record()
        instanceof RunEvent.InstancesResynced).hasSize(1);
  }

  @Test
  void aLookOvertakenByAnEventIsDroppedAndTheNextPeriodLooksAgain() {
    LoopHarness run = service(RestartPolicy.NEVER);
    long before = run.status().sequence();
    run.runtime.unseen(() -> run.runtime.removeNamed("db-postgres"));

    run.run.loop().handle(new RunEvent.InstancesResynced(before - 1, List.of()));

    assertThat(run.status().sequence()).isEqualTo(before);
    assertThat(run.container(DB).state()).isEqualTo("running");
  }

  private static <T extends Decision> List<T> decisions(LoopHarness run, Class<T> type) {
    return run.journal.entries().stream().map(JournalEntry::record)
        .filter(type::isInstance).map(type::cast).toList();
  }
}
