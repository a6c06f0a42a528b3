package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.Journal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal cannot be written (the state directory's disk is full): the loop acts on nothing,
 * says why once, keeps what waits, and goes on by itself once the journal takes the writes again.
 */
class RunLoopDiskFullTest {

  private static final String PAUSED = "cannot write the journal at /state/runs/run-1.jsonl: "
      + "No space left on device; nothing is acted on until it can be; retrying at most 5 s apart";

  private static final List<String> ONE_CLEAN_SEQUENCE = List.of(
      "create db-postgres", "start db-postgres",
      "port-open db-postgres 5432",
      "create db-migration-pythonapp", "start db-migration-pythonapp",
      "exit db-migration-pythonapp 0",
      "create python-app-pythonapp", "start python-app-pythonapp");

  @Test
  void aStartOnAFullDiskActsOnNothingAndSaysWhyOnce() {
    LoopHarness run = LoopHarness.migration();
    run.diskFull = true;

    run.start();
    for (int i = 0; i < 5; i++) {
      assertThat(run.run.loop().retryJournal()).isFalse();
    }

    assertThat(run.dockerCalls()).isEmpty();
    assertThat(run.journal.entries()).isEmpty();
    assertThat(run.run.loop().paused()).isTrue();
    assertThat(run.status().paused()).isEqualTo(PAUSED);
    assertThat(run.status().message()).isEqualTo("paused: " + PAUSED);
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED); // the last state acted on
    assertThat(run.published).filteredOn(s -> !s.paused().isEmpty()).hasSize(1);
  }

  @Test
  void aStopAskedWhilePausedIsHandledOnceTheJournalCanBeWritten() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(5));
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    run.diskFull = true;

    run.stop();
    assertThat(run.status().paused()).isEqualTo(PAUSED);
    run.advance(Duration.ofSeconds(30));
    assertThat(run.runtime.history()).noneMatch(h -> h.startsWith("signal ") || h.startsWith("stop "));
    assertThat(run.status().ended()).isFalse();

    run.diskFull = false;
    assertThat(run.run.loop().retryJournal()).isTrue();
    run.run.loop().drain();

    assertThat(run.status().paused()).isEmpty();
    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("signal "))
        .containsExactly("signal python-app-pythonapp", "signal db-postgres");
    assertThat(run.status().ended()).isTrue();
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(run.journal.entries()).filteredOn(e -> e.record() instanceof RunEvent.StopRequested)
        .hasSize(1);
    assertThat(run.published.get(run.published.size() - 1).paused()).isEmpty();
  }

  @Test
  void aFailedSyncKeepsTheLaunchUndoneAndARetryWritesNothingTwice() {
    LoopHarness run = LoopHarness.migration();
    run.syncFails = true;

    run.start();

    assertThat(run.dockerCalls()).isEmpty();
    assertThat(run.status().paused()).startsWith("cannot sync the journal at ");
    int written = run.journal.entries().size();
    assertThat(written).isPositive(); // the step is written, only not synced

    run.syncFails = false;
    assertThat(run.run.loop().retryJournal()).isTrue();
    run.advance(Duration.ofSeconds(5));

    assertThat(run.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(sequences(run)).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theDiskFillingMidRunDelaysTheNextLaunchUntilSpaceReturns() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofMillis(500));
    run.diskFull = true;

    run.advance(Duration.ofSeconds(5)); // the port opens: the event cannot be written

    assertThat(run.dockerCalls()).containsExactly("create db-postgres", "start db-postgres",
        "port-open db-postgres 5432");
    assertThat(run.container(MIGRATION).state()).isEqualTo("waiting");
    assertThat(run.status().paused()).isEqualTo(PAUSED);

    run.diskFull = false;
    run.run.loop().retryJournal();
    run.advance(Duration.ofSeconds(5));

    assertThat(run.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.container(APP).state()).isEqualTo("running");
    assertThat(run.status().paused()).isEmpty();
  }

  @Test
  void aDaemonKilledWhilePausedResumesFromTheWholeStepsItWrote() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofMillis(500));
    run.diskFull = true;
    run.advance(Duration.ofSeconds(5));
    LoopHarness dead = run.crash();

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.dockerCalls()).containsExactlyElementsOf(ONE_CLEAN_SEQUENCE);
    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
  }

  @Test
  void retriesWaitLongerEachTimeUpToFiveSeconds() {
    UnjournalledStep step = new UnjournalledStep(null, List.of(new JournalEntry(1,
        Instant.EPOCH, "run-1", 0, "test", new RunEvent.StartRequested())), false);
    Journal full = new Journal() {
      @Override
      public void append(JournalEntry entry) {
        throw new UncheckedIOException("No space left on device", new IOException());
      }

      @Override
      public List<JournalEntry> entries() {
        return List.of();
      }
    };
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      try {
        step.writeTo(full);
      } catch (UncheckedIOException expected) {
        delays.add(step.retryDelay().toMillis());
      }
    }
    assertThat(delays).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L);
  }

  private static List<Long> sequences(LoopHarness run) {
    return run.journal.entries().stream().map(JournalEntry::sequence).toList();
  }
}
