package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.events.AppPhase;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore that did not finish left {@code restore-unfinished} in the state directory: until a
 * restore of that snapshot completes, the daemon runs the app neither at boot nor on request.
 */
class UnfinishedRestoreTest {

  private static final String ID = "20261205-221901.322-7b4b";
  private static final String WHY = "a restore of snapshot " + ID + " did not finish: run"
      + " `tugboat snapshot restore " + ID + "` again";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  @Test
  void neitherTheDaemonsStartNorAnOperatorsStartsTheAppOnHalfRestoredData() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Files.writeString(state.resolve(UnfinishedRestore.FILE), ID + "\n");
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      assertThatThrownBy(() -> daemon.app.resumeOrStart().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().hasMessage(WHY);
      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.FAILED);
      assertThat(daemon.app.snapshot().message()).isEqualTo(WHY);

      for (var asked : java.util.List.<java.util.function.Supplier<
          java.util.concurrent.CompletableFuture<?>>>of(daemon.app::start, daemon.app::restart,
              () -> daemon.app.apply("v2.yml", ControllerUnderTest.SPEC.replace(
                  "version: \"1\"", "version: \"2\"").getBytes(), false))) {
        assertThatThrownBy(() -> asked.get().get(10, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).cause()
            .isInstanceOfSatisfying(AppRefusal.class,
                e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
            .hasMessage(WHY);
      }
      assertThat(runtime.history()).noneMatch(call -> call.startsWith("create"));
    }
  }

  @Test
  void onlyARestoreOfThatSnapshotClearsIt() throws Exception {
    UnfinishedRestore unfinished = new UnfinishedRestore(dir);
    unfinished.begin(ID);

    unfinished.finished("20261205-221901.322-aaaa");
    assertThatThrownBy(unfinished::refuseIfUnfinished).hasMessage(WHY);
    assertThatThrownBy(() -> unfinished.refuseOtherThan("20261205-221901.322-aaaa"))
        .hasMessage(WHY);
    unfinished.refuseOtherThan(ID);

    unfinished.finished(ID);
    unfinished.refuseIfUnfinished();
    assertThat(dir.resolve(UnfinishedRestore.FILE)).doesNotExist();
  }
}
