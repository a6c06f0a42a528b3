package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.api.AppFailure;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.events.AppPhase;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon that replaces runs for years holds what one run needs, not what every run needed: after
 * many restarts, and after runs that failed on their own (whose loops go on, since a container may
 * still be restarted, until the next start stops them), one event stream is open, one loop thread
 * and at most one run timer live, and the journals are rotated.
 */
class RunsLeaveNothingBehindTest {

  private static final int RESTARTS = 15;
  private static final int FAILED_RUNS = 10;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  @Test
  void restartsAndFailedRunsLeaveOneStreamOneLoopAndOneTimerAtMost() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    long loopsBefore = threadsNamed("tugboat-loop");
    long timersBefore = threadsNamed("tugboat-timer");
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.app.start().get(10, TimeUnit.SECONDS);
      String run = awaitNewRun(daemon, null, AppPhase.STARTED);
      for (int i = 0; i < RESTARTS; i++) {
        clock.advance(Duration.ofSeconds(1)); // run ids sort by their start, as on a real clock
        daemon.app.restart().get(10, TimeUnit.SECONDS);
        run = awaitNewRun(daemon, run, AppPhase.STARTED);
      }
      runtime.scriptNamed("tugboat-demo-app-web-1").failsToStart(
          RuntimeFailure.invalidConfig("app/web", "the soak makes it fail"));
      for (int i = 0; i < FAILED_RUNS; i++) {
        clock.advance(Duration.ofSeconds(1));
        daemon.app.restart().get(10, TimeUnit.SECONDS);
        run = awaitNewRun(daemon, run, AppPhase.FAILED);
        assertThat(daemon.app.snapshot().failure().kind()).isEqualTo(AppFailure.Kind.RUN_FAILED);
        assertThat(daemon.app.snapshot().run().ended()).as("a failed run's loop goes on").isFalse();
      }

      assertThat(runtime.openEventStreams()).as("event streams open").isEqualTo(1);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(threadsNamed("tugboat-loop") - loopsBefore).as("loop threads").isEqualTo(1);
        assertThat(threadsNamed("tugboat-timer") - timersBefore).as("run timers").isLessThanOrEqualTo(1);
      });
      try (Stream<Path> journals = Files.list(dir.resolve("state/runs"))) {
        assertThat(journals.filter(file -> file.toString().endsWith(".jsonl")).count())
            .isLessThanOrEqualTo(20);
      }
    }
  }

  /** Waits until a run other than {@code previous} is in {@code phase}; its id. */
  private static String awaitNewRun(ControllerUnderTest daemon, String previous, AppPhase phase) {
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      AppSnapshot shown = daemon.app.snapshot();
      return shown.run() != null && !shown.run().runId().equals(previous)
          && shown.state() == phase;
    });
    return daemon.app.snapshot().run().runId();
  }

  private static long threadsNamed(String name) {
    Set<Thread> threads = Thread.getAllStackTraces().keySet();
    return threads.stream().filter(Thread::isAlive).filter(t -> t.getName().equals(name)).count();
  }
}
