package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.SnapshotInfo;
import dev.tugboat.api.SnapshotResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The snapshot commands as the app supervisor runs them: {@code snapshot create}, {@code snapshot
 * restore}, the snapshot {@code apply} takes before the new version runs, and the restore of
 * {@code rollback --data}. The decisions and the state changes (stop, spec and settings in use,
 * start) happen on the supervisor; the copies run beside it ({@link SpecUpgrade.Control#offSupervisor}).
 * The supervisor refuses other control commands meanwhile, as during an upgrade.
 *
 * <p>A consistent copy needs the app stopped or paused: a database copied while it writes may not
 * start from the copy. So {@code create} refuses a running app unless asked to stop it first, and
 * then starts it again whatever the snapshot's outcome, or unless the spec asks to pause it ({@code
 * backup.pause_containers}), and then it runs on after the copy; a restore stops it itself, since
 * it replaces the data anyway.
 */
final class SnapshotDesk implements UpgradeData {

  private final SnapshotStore store;
  private final SnapshotInputs inputs;
  private final SnapshotTaker taker;
  private final SnapshotRestorer restorer;
  private final SpecUpgrade.Control control;
  private final UnfinishedRestore unfinished;
  private final RecordedEmptying emptying;
  private final PausedSnapshot paused;

  SnapshotDesk(DaemonSetup setup, SpecStore specs, AppActions actions, SnapshotStore store,
      SnapshotTaker taker, SnapshotRestorer restorer, SpecUpgrade.Control control,
      UnfinishedRestore unfinished, RecordedEmptying emptying, SnapshotPause pause) {
    this.paused = new PausedSnapshot(control, taker, pause);
    this.unfinished = unfinished;
    this.emptying = emptying;
    this.store = store;
    this.inputs = new SnapshotInputs(setup, specs, actions, store);
    this.taker = taker;
    this.restorer = restorer;
    this.control = control;
    // at the daemon's start: a snapshot the last daemon did not finish takes space for nothing
    store.removeUnfinished();
  }

  /** Newest first; reads the state directory, so call it off the supervisor. */
  List<SnapshotInfo> list() {
    return store.list().stream().map(SnapshotManifest::info).toList();
  }

  /** Resumes what a snapshot the last daemon did not finish left paused; at the daemon's start. */
  void resumeLeftPaused() {
    paused.resumeLeft();
  }

  CompletableFuture<SnapshotResult> create(boolean stopFirst) {
    Optional<String> running = control.liveRunId();
    SnapshotTaker.Subject subject = inputs.inUse(SnapshotManifest.BY_OPERATOR,
        "asked by the operator", running.isPresent());
    if (subject.data().isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, subject.app() + " " + subject.version()
          + ": " + noData(subject));
    }
    if (running.isPresent() && subject.pauses()) {
      // the lighter way when the spec asks for it, with or without --stop: nothing restarts
      PausedSnapshot.Pausable pausable = paused.pausable(running.get());
      if (pausable.why().isEmpty()) {
        return paused.take(subject, running.get(), pausable.targets());
      }
      if (!stopFirst) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, pausable.why() + "; "
            + (pausable.retry().isEmpty() ? "" : pausable.retry() + ", or ")
            + "tugboat snapshot create --stop stops it for the snapshot");
      }
    } else if (running.isPresent() && !stopFirst) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "the app runs (run " + running.get()
          + "): a consistent snapshot needs it stopped, or a database may not start from the"
          + " copy; tugboat snapshot create --stop stops it, takes the snapshot and starts it"
          + " again (or tugboat stop first)");
    }
    // asked even when no run is live: a start being prepared is refused there, not raced
    CompletableFuture<String> stopped = control.stop("a snapshot was asked"
        + (running.isEmpty() ? "" : " with --stop")).thenApply(s -> running.isEmpty() ? ""
            : s.message() + "; ");
    return stopped.thenCompose(before -> copying(subject).handle((manifest, failure) -> {
      control.showProgress(failure == null ? "snapshot " + manifest.id() + " taken: "
          + manifest.summary() + subject.leftOutNote()
          : CommandQueue.unwrap(failure).getMessage());
      return new Outcome(before, manifest, subject.leftOutNote(), failure);
    }))
        .thenCompose(outcome -> running.isEmpty() ? CompletableFuture.completedFuture(
            outcome.answer(null)) : startAgain(outcome));
  }

  /** What a snapshot came to: the words before it, and it or its failure. */
  private record Outcome(String before, SnapshotManifest manifest, String leftOut,
      Throwable failure) {
    SnapshotResult answer(ControlResult started) {
      if (failure != null) {
        RuntimeException cause = refusal(CommandQueue.unwrap(failure));
        throw started == null ? cause : new AppRefusal(AppRefusal.Reason.FAILED,
            cause.getMessage() + "; the app was started again: " + started.message());
      }
      return new SnapshotResult(before + "snapshot " + manifest.id() + " taken: "
          + manifest.summary() + leftOut + (started == null ? "" : "; " + started.message()),
          manifest.info(), started == null ? null : runIdOf(started));
    }
  }

  /** As the daemon closes: containers a snapshot paused run on. */
  void close() {
    paused.close();
  }

  private CompletableFuture<SnapshotResult> startAgain(Outcome outcome) {
    return control.start().thenApply(outcome::answer);
  }

  CompletableFuture<SnapshotResult> restore(String id) {
    SnapshotManifest snapshot = store.find(id).orElseThrow(() -> new AppRefusal(
        AppRefusal.Reason.NOT_FOUND, "no snapshot " + id + " in " + store.dir()
            + "; tugboat snapshot list shows them"));
    // another snapshot would leave what the unfinished restore emptied as it is
    unfinished.refuseOtherThan(snapshot.id());
    SnapshotInputs.Kept kept = inputs.kept(snapshot, true);
    Optional<String> running = control.liveRunId();
    return control.offSupervisor(() -> {
      restorer.verify(snapshot);
      return null;
    }).exceptionally(failure -> {
      throw refusal(CommandQueue.unwrap(failure));
    }).thenCompose(verified -> control.stop("restore of snapshot " + id + " requested"))
        .thenCompose(stopped -> copyBack(snapshot, running.isEmpty() ? ""
            : stopped.message() + "; "))
        .thenCompose(before -> {
          String inUse;
          try {
            inUse = inputs.putInUse(snapshot, kept);
            unfinished.finished(snapshot.id());
          } catch (AppRefusal e) {
            control.showFailure(e.getMessage());
            throw e;
          }
          return control.start().thenApply(started -> new SnapshotResult(before
              + "restored snapshot " + snapshot.id() + " (" + snapshot.summary() + "); " + inUse
              + "; " + started.message(), snapshot.info(), runIdOf(started)));
        });
  }

  /** The snapshot's data put back, beside the supervisor; a failure shows the app failed. */
  private CompletableFuture<String> copyBack(SnapshotManifest snapshot, String before) {
    control.showProgress("restoring snapshot " + snapshot.id() + " (" + snapshot.summary() + ")");
    return control.offSupervisor(() -> {
      emptying.restoring(snapshot.id(), () -> restorer.restore(snapshot));
      return before;
    }).exceptionally(failure -> {
      RuntimeException cause = refusal(CommandQueue.unwrap(failure));
      control.showFailure(cause.getMessage());
      throw cause;
    });
  }

  @Override
  public void requireSnapshotPossible(String to) {
    try {
      inputs.inUse(SnapshotManifest.BY_APPLY, "before the upgrade to " + to);
    } catch (AppRefusal refused) {
      throw new AppRefusal(refused.reason(), refused.getMessage() + "; the upgrade to " + to
          + " would stop at its snapshot, so nothing was stopped or changed: apply again once"
          + " the cause is fixed");
    }
  }

  @Override
  public CompletableFuture<String> beforeUpgrade(String to) {
    SnapshotTaker.Subject subject;
    try {
      subject = inputs.inUse(SnapshotManifest.BY_APPLY, "before the upgrade to " + to);
    } catch (RuntimeException refused) {
      // Data that cannot be kept (a system directory, a remote engine's host path) is refused
      // before the stop (requireSnapshotPossible); found only once the app stopped (the settings
      // or the host changed meanwhile), the upgrade ends there, shown as failed like a copy.
      String message = refused.getMessage() + "; the upgrade to " + to + " was stopped before"
          + " anything of it ran: the spec in use is unchanged and the app is stopped (tugboat"
          + " start starts it again; apply again once the cause is fixed)";
      control.showFailure(message);
      return CompletableFuture.failedFuture(new AppRefusal(AppRefusal.Reason.FAILED, message));
    }
    if (subject.data().isEmpty()) {
      return CompletableFuture.completedFuture("no snapshot: " + subject.app() + " "
          + subject.version() + ": " + noData(subject));
    }
    return copying(subject).handle((manifest, failure) -> {
      if (failure != null) {
        String message = CommandQueue.unwrap(failure).getMessage() + "; the upgrade to " + to
            + " was stopped before anything of it ran: the spec in use is still "
            + subject.app() + " " + subject.version() + " and the app is stopped (tugboat start"
            + " starts it again; apply again once the cause is fixed)";
        control.showFailure(message);
        throw new AppRefusal(AppRefusal.Reason.FAILED, message);
      }
      return "snapshot " + manifest.id() + " of the data taken: " + manifest.summary()
          + subject.leftOutNote();
    });
  }

  @Override
  public SnapshotManifest forRollback(Path spec, Optional<Path> settings) {
    String specDigest = SnapshotInputs.digest(spec).orElseThrow();
    Optional<String> settingsDigest = settings.flatMap(SnapshotInputs::digest);
    SnapshotManifest found = store.list().stream()
        .filter(m -> SnapshotManifest.BY_APPLY.equals(m.cause()))
        .filter(m -> m.specDigest().equals(specDigest)
            && Optional.ofNullable(m.settingsDigest()).equals(settingsDigest))
        .findFirst().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT, "no snapshot"
            + " taken by an apply holds the data of the spec and settings a rollback returns to"
            + " (the app had no volumes then, its spec turned snapshots off with backup.enabled,"
            + " or the snapshot was removed beyond snapshots_kept):"
            + " tugboat rollback without --data returns to the spec and settings only;"
            + " tugboat snapshot list shows the snapshots kept"));
    unfinished.refuseOtherThan(found.id());
    inputs.kept(found, false);
    return found;
  }

  @Override
  public void requireRestoresFinished() {
    unfinished.refuseIfUnfinished();
  }

  @Override
  public void rolledBack(SnapshotManifest restored) {
    unfinished.finished(restored.id());
  }

  @Override
  public CompletableFuture<String> verifyForRollback(SnapshotManifest manifest) {
    return control.offSupervisor(() -> {
      restorer.verify(manifest);
      return "";
    }).exceptionally(failure -> {
      throw refusal(CommandQueue.unwrap(failure));
    });
  }

  @Override
  public CompletableFuture<String> restoreForRollback(SnapshotManifest manifest) {
    control.showProgress("restoring snapshot " + manifest.id() + " (" + manifest.summary() + ")");
    return control.offSupervisor(() -> {
      emptying.restoring(manifest.id(), () -> restorer.restore(manifest));
      return "restored the data of snapshot " + manifest.id() + " (" + manifest.summary()
          + ", taken " + manifest.reason() + ")";
    }).exceptionally(failure -> {
      RuntimeException cause = refusal(CommandQueue.unwrap(failure));
      control.showFailure(cause.getMessage() + "; the spec in use is unchanged");
      throw cause;
    });
  }

  /** The copy of the subject's data, beside the supervisor; the status says it is under way. */
  private CompletableFuture<SnapshotManifest> copying(SnapshotTaker.Subject subject) {
    control.showProgress("taking a snapshot of the data of " + subject.app() + " "
        + subject.version() + " (" + subject.reason() + "): " + subject.data().size()
        + (subject.data().size() == 1 ? " volume" : " volumes"));
    return control.offSupervisor(() -> taker.take(subject));
  }

  /** Why {@code subject} has no data to keep. */
  private static String noData(SnapshotTaker.Subject subject) {
    if (subject.turnedOff().isPresent()) {
      return subject.turnedOff().get();
    }
    if (!subject.leftOut().isEmpty()) {
      return "the spec marks every volume it mounts for writing is_excluded_from_backup or"
          + " is_ephemeral (" + subject.leftOutNames() + "), so there is no data to keep";
    }
    return "it mounts no volume or host directory for writing, so there is no data to keep";
  }

  /** A failure of a snapshot's work as the API answers it. */
  static RuntimeException refusal(Throwable failure) {
    if (failure instanceof AppRefusal refusal) {
      return refusal;
    }
    if (failure instanceof SnapshotFailed snapshot) {
      return new AppRefusal(AppRefusal.Reason.FAILED, snapshot.getMessage());
    }
    return new AppRefusal(AppRefusal.Reason.FAILED, String.valueOf(failure.getMessage()));
  }

  private static String runIdOf(ControlResult started) {
    String message = started.message();
    return message.startsWith("started run ") ? message.substring("started run ".length()) : null;
  }
}
