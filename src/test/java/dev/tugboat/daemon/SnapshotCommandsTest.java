package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.SnapshotResult;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.InMemoryVolumeArchive;
import dev.tugboat.runtime.ManualClock;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot commands on the app supervisor: the copy runs beside it, so it goes on answering,
 * and the control commands that would change the app meanwhile are refused (409) until it is done.
 */
class SnapshotCommandsTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final CountDownLatch reading = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @Test
  void controlCommandsAreRefusedWhileASnapshotCopiesAndTheSupervisorAnswers() throws Exception {
    Files.writeString(dir.resolve("app.yml"), ControllerUnderTest.SPEC.replace(
        "    version: 15\n", "    version: 15\n    volumes:\n"
            + "    - host_path: pgdata\n      container_path: /data\n"));
    InMemoryVolumeArchive volumes = new InMemoryVolumeArchive().volume("pgdata",
        Map.of("rows", "1"));
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, new InMemoryRuntime(clock),
        clock, new HeldReads(volumes))) {
      CompletableFuture<SnapshotResult> taking = daemon.app.createSnapshot(false);
      assertThat(reading.await(10, TimeUnit.SECONDS)).as("%s", taking).isTrue();

      for (var command : java.util.List.<java.util.function.Supplier<CompletableFuture<?>>>of(
          daemon.app::start, daemon.app::stop, daemon.app::restart,
          () -> daemon.app.restoreSnapshot("20260101-000000.000-abcd"),
          () -> daemon.app.createSnapshot(true), () -> daemon.app.rollback(true))) {
        assertThatThrownBy(() -> command.get().get(5, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class).cause()
            .isInstanceOfSatisfying(AppRefusal.class,
                e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
            .hasMessageStartingWith("a snapshot is under way");
      }
      daemon.app.heartbeat().get(5, TimeUnit.SECONDS);
      assertThat(daemon.app.snapshot().message()).isEqualTo("taking a snapshot of the data of"
          + " demo 1 (asked by the operator): 1 volume");
      release.countDown();

      SnapshotResult taken = taking.get(10, TimeUnit.SECONDS);
      assertThat(taken.message()).startsWith("snapshot " + taken.snapshot().id() + " taken: 1"
          + " volume, ");
      assertThat(daemon.app.snapshot().message()).isEqualTo(taken.message());
      assertThat(daemon.app.snapshots().get(5, TimeUnit.SECONDS)).singleElement()
          .satisfies(info -> {
            assertThat(info.id()).isEqualTo(taken.snapshot().id());
            assertThat(info.cause()).isEqualTo("operator");
            assertThat(info.volumes()).singleElement().satisfies(v -> {
              assertThat(v.name()).isEqualTo("pgdata");
              assertThat(v.path()).isEqualTo("/data");
            });
          });
      assertThat(daemon.log()).contains("snapshot " + taken.snapshot().id()
          + " of demo 1 taken (asked by the operator): 1 volume, ");
    }
  }

  /** Each read waits until the test lets it go on. */
  private final class HeldReads extends ForwardingVolumes {
    HeldReads(InMemoryVolumeArchive volumes) {
      super(volumes);
    }

    @Override
    public void read(DataMount data, String image, OutputStream tar) {
      reading.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      super.read(data, image, tar);
    }
  }
}
