package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The app's containers paused while a snapshot copies their data, as the spec's {@code
 * backup.pause_containers} asks: frozen, a database's files hold still, as a crash would leave
 * them, without the stop and start (and the event chain run again) that {@code --stop} costs.
 * They run on after the copy whatever its outcome. The containers are written down before the
 * first pause, so a daemon that dies meanwhile resumes them at its next start, before its run is
 * resumed: a frozen app looks alive to the engine and answers nothing; a daemon that stops
 * resumes them as it closes. Blocking: on a worker.
 */
final class SnapshotPause {

  static final String FILE = "snapshot-paused";

  /** A container to pause, and how the operator knows it. */
  record Target(ContainerId id, String name) {}

  /**
   * What the work gave, how long the app was held, what could not be resumed, and the containers
   * that were paused before (by the operator), which stay paused.
   */
  record Held<T>(T value, double seconds, List<String> notResumed, List<String> pausedBefore) {}

  /**
   * The work, or a pause, failed; {@code seconds}: how long some of the app was paused (0:
   * nothing was); {@code notResumed}: what could not be resumed after it.
   */
  static final class Failed extends RuntimeException {
    private final double seconds;
    private final List<String> notResumed;

    Failed(RuntimeException cause, double seconds, List<String> notResumed) {
      super(cause.getMessage(), cause);
      this.seconds = seconds;
      this.notResumed = List.copyOf(notResumed);
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }

    double seconds() {
      return seconds;
    }

    List<String> notResumed() {
      return notResumed;
    }
  }

  private final Path file;
  private final ContainerRuntime runtime;
  private final DaemonLog log;
  // paused now, for a daemon that closes during the copy; guarded by this
  private final Set<ContainerId> active = new LinkedHashSet<>();

  SnapshotPause(Path stateDir, ContainerRuntime runtime, DaemonLog log) {
    this.file = stateDir.resolve(FILE);
    this.runtime = runtime;
    this.log = log;
  }

  /**
   * {@code work} with {@code targets} paused, each checked to be paused before it begins; every
   * container paused runs on afterwards.
   *
   * @throws AppRefusal when the containers cannot be written down first (nothing is paused)
   * @throws Failed when a pause or the work failed
   */
  <T> Held<T> whilePaused(List<Target> targets, Supplier<T> work) {
    // One the operator paused is frozen already, and is to stay so: the snapshot neither pauses
    // nor resumes it.
    List<Target> toPause = new ArrayList<>();
    List<String> pausedBefore = new ArrayList<>();
    for (Target target : targets) {
      if (stateOf(target).orElse(null) == ContainerState.PAUSED) {
        pausedBefore.add(target.name());
      } else {
        toPause.add(target);
      }
    }
    if (!toPause.isEmpty()) {
      try {
        AtomicFiles.writePrivate(file, String.join("\n", toPause.stream()
            .map(t -> t.id().value()).toList()) + "\n");
      } catch (IOException e) {
        throw new AppRefusal(AppRefusal.Reason.NO_SPACE, "cannot note the containers a snapshot"
            + " pauses in " + file + ": " + e + "; nothing was paused");
      }
    }
    List<ContainerId> asked = new ArrayList<>();
    int made = 0;
    long began = System.nanoTime();
    T value;
    try {
      for (Target target : toPause) {
        // noted before the call: a pause that times out may still have been made
        asked.add(target.id());
        synchronized (this) {
          active.add(target.id());
        }
        runtime.pause(target.id());
        made++;
      }
      for (Target target : targets) {
        requirePaused(target);
      }
      value = work.get();
    } catch (RuntimeException e) {
      double seconds = made == 0 ? 0 : (System.nanoTime() - began) / 1e9;
      throw new Failed(e, seconds, resume(asked, "after the snapshot"));
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    return new Held<>(value, seconds, resume(asked, "after the snapshot"), pausedBefore);
  }

  private Optional<ContainerState> stateOf(Target target) {
    return runtime.inspect(target.id()).map(ContainerInfo::state);
  }

  /**
   * A container that exited before its pause (the engine leaves it as it is) would start again
   * under its restart policy during the copy and write to the data unpaused.
   */
  private void requirePaused(Target target) {
    Optional<ContainerState> state = stateOf(target);
    if (state.orElse(null) != ContainerState.PAUSED) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, target.name() + " did not pause (it is "
          + state.map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse("gone")
          + "), so no consistent copy could be made; try again once the app has settled");
    }
  }

  /**
   * Resumes the containers a snapshot the last daemon did not finish left paused: at the daemon's
   * start, and before another paused snapshot. Asks the engine only when there are some.
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
    synchronized (this) {
      if (!active.isEmpty()) {
        return; // a snapshot of this daemon holds them now, and resumes them itself
      }
    }
    log.warn("a snapshot the last daemon did not finish paused " + left.size()
        + (left.size() == 1 ? " container" : " containers") + ": resuming them");
    resume(left, "at the daemon's start");
  }

  /** A daemon that closes during a paused copy: the app runs on, whatever becomes of the copy. */
  void resumeActive() {
    List<ContainerId> paused;
    synchronized (this) {
      paused = List.copyOf(active);
    }
    if (!paused.isEmpty()) {
      log.warn("the daemon stops during a snapshot: resuming the " + paused.size()
          + (paused.size() == 1 ? " container" : " containers") + " it paused");
      resume(paused, "as the daemon stops");
    }
  }

  /**
   * Unpauses each; the note is removed once all run, else kept for the next daemon start.
   * Returns those that could not be resumed, each with why.
   */
  private List<String> resume(List<ContainerId> ids, String when) {
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
    synchronized (this) {
      ids.forEach(active::remove);
    }
    if (!failed.isEmpty()) {
      log.error("containers paused for a snapshot could not be resumed " + when + ": "
          + String.join(", ", failed) + "; docker unpause ID resumes one now, and the next"
          + " daemon start tries again");
      return failed;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot remove " + file + ": " + e + "; the next daemon start resumes its"
          + " containers again, which is harmless");
    }
    return failed;
  }
}
