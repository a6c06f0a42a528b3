package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The app's containers paused while a snapshot copies their data, as the spec's {@code
 * backup.pause_containers} asks: frozen, a database's files hold still, as a crash would leave
 * them, without the stop and start (and the event chain run again) that {@code --stop} costs.
 * They run on after the copy whatever its outcome. The containers are written down before the
 * first pause, so a daemon that dies meanwhile resumes them at its next start, before its run is
 * resumed: a frozen app looks alive to the engine and answers nothing. Blocking: on a worker.
 */
final class SnapshotPause {

  static final String FILE = "snapshot-paused";

  private final Path file;
  private final ContainerRuntime runtime;
  private final DaemonLog log;

  SnapshotPause(Path stateDir, ContainerRuntime runtime, DaemonLog log) {
    this.file = stateDir.resolve(FILE);
    this.runtime = runtime;
    this.log = log;
  }

  /**
   * {@code work} with {@code ids} paused; every container paused runs on afterwards.
   *
   * @throws AppRefusal when the containers cannot be written down first (nothing is paused)
   * @throws RuntimeFailure when one cannot be paused (those paused before it run on)
   */
  <T> T whilePaused(List<ContainerId> ids, Supplier<T> work) {
    try {
      AtomicFiles.writePrivate(file, String.join("\n", ids.stream().map(ContainerId::value)
          .toList()) + "\n");
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.NO_SPACE, "cannot note the containers a snapshot"
          + " pauses in " + file + ": " + e + "; nothing was paused");
    }
    List<ContainerId> paused = new ArrayList<>();
    try {
      for (ContainerId id : ids) {
        runtime.pause(id);
        paused.add(id);
      }
      return work.get();
    } finally {
      resume(paused, "after the snapshot");
    }
  }

  /**
   * At the daemon's start: resumes the containers a snapshot the last daemon did not finish left
   * paused. Asks the engine only when there are some.
   */
  void resumeLeft() {
    List<ContainerId> left;
    try {
      left = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(line -> !line.isEmpty()).map(ContainerId::of).toList();
    } catch (NoSuchFileException none) {
      return;
    } catch (IOException e) {
      log.warn("cannot read " + file + ", the containers a snapshot paused: " + e
          + "; docker ps shows any that are still paused (docker unpause ID resumes one)");
      return;
    }
    log.warn("a snapshot the last daemon did not finish paused " + left.size()
        + (left.size() == 1 ? " container" : " containers") + ": resuming them");
    resume(left, "at the daemon's start");
  }

  /** Unpauses each; the note is removed once all run, else kept for the next daemon start. */
  private void resume(List<ContainerId> ids, String when) {
    List<String> failed = new ArrayList<>();
    for (ContainerId id : ids) {
      try {
        runtime.unpause(id);
      } catch (RuntimeFailure e) {
        if (e.kind() != RuntimeFailure.Kind.NO_SUCH_CONTAINER) {
          failed.add(id.value() + " (" + e.getMessage() + ")");
        }
      }
    }
    if (!failed.isEmpty()) {
      log.error("containers paused for a snapshot could not be resumed " + when + ": "
          + String.join(", ", failed) + "; docker unpause ID resumes one now, and the next"
          + " daemon start tries again");
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot remove " + file + ": " + e + "; the next daemon start resumes its"
          + " containers again, which is harmless");
    }
  }
}
