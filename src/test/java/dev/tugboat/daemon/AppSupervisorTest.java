package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.events.AppPhase;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor answers while the engine hangs: a stop is accepted at once and carried out when
 * the engine answers again; what follows a stop waits for the run's end, not the supervisor.
 */
class AppSupervisorTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  @Test
  void aStopIsAcceptedAtOnceWhileTheEngineHangsAndCarriedOutWhenItAnswers() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      String runId = daemon.app.snapshot().run().runId();
      runtime.holdStops();

      ControlResult stop = daemon.app.stop().get(2, TimeUnit.SECONDS);

      assertThat(stop.underWay()).isTrue();
      assertThat(stop.state()).isEqualTo("stopping");
      await().atMost(Duration.ofSeconds(10))
          .until(() -> daemon.app.snapshot().state() == AppPhase.STOPPING);
      // the daemon answers everything else meanwhile
      assertThat(daemon.app.config().get(2, TimeUnit.SECONDS).groups()).isNotNull();
      daemon.app.heartbeat().get(2, TimeUnit.SECONDS);
      assertThat(daemon.app.stop().get(2, TimeUnit.SECONDS).message())
          .isEqualTo("run " + runId + " is stopping already");

      runtime.releaseStops();

      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.app.snapshot().run().ended());
      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.STOPPED);
      assertThat(runtime.history()).contains("signal tugboat-demo-app-web-1",
          "signal tugboat-demo-db-postgres-1");
    }
  }

  @Test
  void aRestartAnswersAtOnceAndStartsTheNextRunOnceTheLastHasEnded() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      String first = daemon.app.snapshot().run().runId();
      runtime.holdStops();

      ControlResult restart = daemon.app.restart().get(2, TimeUnit.SECONDS);

      assertThat(restart.underWay()).isTrue();
      assertThat(restart.message()).startsWith("restarting: stopping run " + first);
      daemon.app.heartbeat().get(2, TimeUnit.SECONDS);
      assertThat(daemon.app.snapshot().run().runId()).isEqualTo(first);

      runtime.releaseStops();

      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.app.snapshot().run() != null
          && !daemon.app.snapshot().run().runId().equals(first)
          && daemon.app.snapshot().state() == AppPhase.STARTED);
    }
  }

  @Test
  void anApplyChecksItsImagesOffTheSupervisorAndNothingComesBetweenItsStepsMeanwhile()
      throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      String first = daemon.app.snapshot().run().runId();
      runtime.holdImageInspections();

      CompletableFuture<ApplyResult> apply = daemon.app.apply("v2.yml",
          ControllerUnderTest.SPEC.replace("version: \"1\"", "version: \"2\"")
              .getBytes(StandardCharsets.UTF_8), false);

      daemon.app.heartbeat().get(2, TimeUnit.SECONDS);
      assertThat(daemon.app.config().get(2, TimeUnit.SECONDS)).isNotNull();
      assertThatThrownBy(() -> daemon.app.stop().get(2, TimeUnit.SECONDS))
          .cause().isInstanceOf(AppRefusal.class).hasMessageStartingWith("an apply is under way");
      assertThat(apply).isNotDone();

      runtime.releaseImageInspections();

      ApplyResult applied = apply.get(10, TimeUnit.SECONDS);
      assertThat(applied.applied()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.app.snapshot().state()
          == AppPhase.STARTED && !daemon.app.snapshot().run().runId().equals(first));
      assertThat(daemon.app.snapshot().specVersion()).isEqualTo("2");
      assertThat(daemon.app.stop().get(2, TimeUnit.SECONDS).underWay()).isTrue();
    }
  }

  @Test
  void aJournalThatCannotBeReplayedIsReplacedByANewRunNotTakenForOneThatRuns() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    String first;
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      first = daemon.app.snapshot().run().runId();
    }
    // a whole, well-formed line of another run: read back fine, refused by the replay
    Path journal = dir.resolve("state/runs/" + first + ".jsonl");
    List<String> lines = Files.readAllLines(journal);
    ObjectNode last = (ObjectNode) new ObjectMapper().readTree(lines.get(lines.size() - 1));
    last.put("sequence", last.get("sequence").asLong() + 1).put("runId", "another-run");
    Files.writeString(journal, last + "\n", StandardOpenOption.APPEND);
    clock.advance(Duration.ofSeconds(1));

    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.app.resumeOrStart().get(10, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(10)).until(() -> daemon.app.snapshot().run() != null
          && !daemon.app.snapshot().run().runId().equals(first)
          && daemon.app.snapshot().state() == AppPhase.STARTED);
      assertThat(daemon.log()).contains("cannot resume run " + first + " from its journal");
    }
  }

  @Test
  void aStartIsAcceptedAtOnceWhileItsPreflightWaitsForTheEngineAndAStopCancelsIt()
      throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      runtime.holdImageInspections();

      ControlResult start = daemon.app.start().get(2, TimeUnit.SECONDS);

      assertThat(start.underWay()).isTrue();
      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.STARTING);
      ControlResult stop = daemon.app.stop().get(2, TimeUnit.SECONDS);
      assertThat(stop.message()).startsWith("the start being prepared is cancelled");

      runtime.releaseImageInspections();

      await().atMost(Duration.ofSeconds(10))
          .until(() -> daemon.app.snapshot().state() == AppPhase.STOPPED);
      assertThat(daemon.app.snapshot().message()).startsWith("the start was cancelled");
      assertThat(runtime.history()).noneMatch(call -> call.startsWith("create"));
    }
  }

  @Test
  void aStopOfAnAppThatDoesNotRunSaysSoAndIsNotUnderWay() throws Exception {
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, new InMemoryRuntime(clock),
        clock)) {
      ControlResult stop = daemon.app.stop().get(2, TimeUnit.SECONDS);

      assertThat(stop.underWay()).isFalse();
      assertThat(stop.message()).isEqualTo("the app is not running");
    }
  }
}
