package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.SnapshotResult;
import dev.tugboat.events.AppPhase;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ServiceSlot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A snapshot of the running app with its containers paused for the copy, as the spec's {@code
 * backup.pause_containers} asks ({@link SnapshotDesk#create} decides when): whether the app can be
 * paused now, and the snapshot taken so. The decision runs on the supervisor, the pause and the
 * copy beside it ({@link SpecUpgrade.Control#offSupervisor}).
 */
final class PausedSnapshot {

  /**
   * Instance states of a settled app: none of its containers starts or stops by itself while it
   * is paused (a waiting one may start when its event fires, a restarting one under its policy).
   */
  private static final Set<String> SETTLED = Set.of(
      InstancePhase.RUNNING.label(), InstancePhase.COMPLETED.label(),
      InstancePhase.FAILED.label(), InstancePhase.STOPPED.label(),
      InstancePhase.SKIPPED.label(), InstancePhase.BLOCKED.label());

  private final SpecUpgrade.Control control;
  private final SnapshotTaker taker;
  private final SnapshotPause pause;

  PausedSnapshot(SpecUpgrade.Control control, SnapshotTaker taker, SnapshotPause pause) {
    this.control = control;
    this.taker = taker;
    this.pause = pause;
  }

  /**
   * The containers to pause for a snapshot of the running app, or why it cannot be paused and
   * when to try again ("" when waiting will not help).
   */
  record Pausable(List<SnapshotPause.Target> targets, String why, String retry) {

    static Pausable not(String why, String retry) {
      return new Pausable(List.of(), why, retry);
    }
  }

  /**
   * Whether the running app can be paused for a snapshot: only a started app whose containers are
   * settled (while it starts, a pause would hold up what its events wait for; a container that
   * started during the copy would write to the data unpaused), and run on this host.
   */
  Pausable pausable(String runId) {
    AppSnapshot status = control.status();
    String asks = ": the spec pauses the app for a snapshot (backup.pause_containers)";
    if (status.state() != AppPhase.STARTED || status.run() == null) {
      return Pausable.not("the app is " + status.state().label() + " (run " + runId + ")" + asks
          + " once it has started", status.state() == AppPhase.STARTING ? "try again then" : "");
    }
    Optional<RunStatus.ContainerStatus> unsettled = status.run().containers().stream()
        .filter(c -> !SETTLED.contains(c.state())).findFirst();
    if (unsettled.isPresent()) {
      return Pausable.not(unsettled.get().container() + " is " + unsettled.get().state() + asks
          + " while each of its containers runs or has ended", "try again once it has settled");
    }
    List<SnapshotPause.Target> targets = status.run().containers().stream()
        .filter(c -> InstancePhase.RUNNING.label().equals(c.state()))
        .filter(c -> c.containerId() != null && !c.containerId().isEmpty())
        .map(c -> new SnapshotPause.Target(ContainerId.of(c.containerId()), c.container()))
        .toList();
    if (targets.stream().anyMatch(t -> ServiceSlot.isSlot(t.id()))) {
      return Pausable.not("run " + runId + " has clustered containers, which the swarm runs on"
          + " any of its nodes, where Tugboat pauses nothing", "");
    }
    return new Pausable(targets, "", "");
  }

  /**
   * The snapshot of the running app with {@code targets} paused for the copy alone: what comes
   * before the copy is done first, and the oldest snapshots are removed after it.
   */
  CompletableFuture<SnapshotResult> take(SnapshotTaker.Subject subject, String runId,
      List<SnapshotPause.Target> targets) {
    String containers = targets.size() + (targets.size() == 1 ? " container" : " containers");
    control.showProgress("taking a snapshot of the data of " + subject.app() + " "
        + subject.version() + " with its " + containers + " paused (the spec's"
        + " backup.pause_containers)");
    return control.offSupervisor(() -> {
      pause.resumeLeft();
      SnapshotTaker.Prepared prepared = taker.prepare(subject);
      SnapshotPause.Held<SnapshotManifest> held;
      try {
        held = pause.whilePaused(targets, () -> taker.copy(prepared));
      } catch (RuntimeException notCopied) {
        taker.abandon(prepared);
        throw notCopied;
      }
      taker.kept(held.value());
      return held;
    }).handle((held, failure) -> {
      if (failure != null) {
        RuntimeException cause = CommandQueue.unwrap(failure) instanceof SnapshotPause.Failed f
            ? pausedFailure(f, runId) : SnapshotDesk.refusal(CommandQueue.unwrap(failure));
        control.showProgress("the snapshot failed: " + cause.getMessage());
        throw cause;
      }
      SnapshotManifest manifest = held.value();
      String taken = "snapshot " + manifest.id() + " taken: " + manifest.summary()
          + subject.leftOutNote();
      control.showProgress(taken);
      return new SnapshotResult(String.format(java.util.Locale.ROOT, "paused run %s (%s) for"
          + " %.1f s; ", runId, containers, held.seconds()) + taken + afterPause(held.notResumed())
          + pausedBefore(held.pausedBefore()), manifest.info(), null);
    });
  }

  private static AppRefusal pausedFailure(SnapshotPause.Failed failed, String runId) {
    RuntimeException reason = SnapshotDesk.refusal(failed.reason());
    AppRefusal.Reason kind = reason instanceof AppRefusal refused ? refused.reason()
        : AppRefusal.Reason.FAILED;
    String paused = failed.seconds() == 0 ? "; nothing was paused"
        : String.format(java.util.Locale.ROOT, "; run %s was paused for %.1f s", runId,
            failed.seconds()) + afterPause(failed.notResumed());
    return new AppRefusal(kind, reason.getMessage() + paused);
  }

  /** What the answer says of the app after a pause. */
  private static String afterPause(List<String> notResumed) {
    return notResumed.isEmpty() ? "; the app runs on" : "; but " + notResumed.size()
        + (notResumed.size() == 1 ? " container" : " containers") + " could not be resumed: "
        + String.join(", ", notResumed) + " (docker unpause ID resumes one)";
  }

  private static String pausedBefore(List<String> containers) {
    return containers.isEmpty() ? "" : "; " + String.join(", ", containers)
        + (containers.size() == 1 ? " was" : " were") + " paused before the snapshot and"
        + (containers.size() == 1 ? " stays" : " stay") + " paused";
  }

  /** As the daemon closes: containers a snapshot paused run on. */
  void close() {
    pause.resumeActive();
  }

  /** Resumes what a snapshot the last daemon did not finish left paused; at the daemon's start. */
  void resumeLeft() {
    pause.resumeLeft();
  }
}
