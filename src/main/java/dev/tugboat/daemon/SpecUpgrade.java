package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.api.ApplyResult.SpecVersion;
import dev.tugboat.api.ApplyResult;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecChanges;
import dev.tugboat.spec.SpecDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code apply} and {@code rollback}: check the new spec (as validate does, then its config values,
 * plan and images with {@link UpgradeCheck}, all before anything stops), stop the app in reverse
 * order, swap the spec in use ({@link SpecStore}), start a run of the new one (which runs its
 * migrations; named volumes stay). A run started here that fails is stopped, so a failed upgrade leaves the app
 * stopped, not half-started, with the spec before it one rollback away.
 *
 * <p>Threading: everything here runs on the app supervisor. {@link #apply} and {@link #rollback}
 * check at once and answer with a future: the swap and the start wait for the stop of the run
 * before, which the supervisor completes when that run's end comes back to it.
 */
final class SpecUpgrade {

  /** What the upgrade asks of the supervisor; each future completes on the supervisor. */
  interface Control {
    /** Completes once the run stopped (at once when none runs). */
    CompletableFuture<ControlResult> stop(String reason);

    /** Completes once a new run was launched, or failed when the start was refused. */
    CompletableFuture<ControlResult> start();

    Optional<String> liveRunId();

    /** The app's status as the supervisor shows it now: its state and its run's containers. */
    AppSnapshot status();

    /** Shows the app as failed with {@code message}, after its run was stopped. */
    void showFailure(String message);

    /** Shows what is under way (a copy of the app's data) as the app's message; state unchanged. */
    default void showProgress(String message) {}

    /**
     * Runs {@code work} (Docker calls: images checked, pulled) off the supervisor, which goes on
     * answering meanwhile; the future completes on the supervisor.
     */
    <T> CompletableFuture<T> offSupervisor(java.util.function.Supplier<T> work);
  }

  private final SpecStore store;
  private final AppActions actions;
  private final DaemonSetup setup;
  private final UpgradeCheck check;
  private final Control control;
  private final UpgradeData data;
  private Watched watched;

  /** A run started by an upgrade: stopped when it fails. */
  private record Watched(String runId, String what, String undo) {}

  SpecUpgrade(DaemonSetup setup, SpecStore store, AppActions actions, UpgradeCheck check,
      Control control) {
    this(setup, store, actions, check, control, UpgradeData.NONE);
  }

  SpecUpgrade(DaemonSetup setup, SpecStore store, AppActions actions, UpgradeCheck check,
      Control control, UpgradeData data) {
    this.data = data;
    this.setup = setup;
    this.store = store;
    this.actions = actions;
    this.check = check;
    this.control = control;
  }

  CompletableFuture<ApplyResult> apply(String name, byte[] yaml, boolean dryRun) {
    return apply(name, yaml, dryRun, java.util.Set.of());
  }

  /** As above; {@code carried}: images a bundle brings, not looked for by a dry run's check. */
  CompletableFuture<ApplyResult> apply(String name, byte[] yaml, boolean dryRun,
      java.util.Set<String> carried) {
    if (store.current().isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "no app is configured: set 'app' in the"
          + " daemon config to the app's first spec; apply replaces the spec in use");
    }
    if (!dryRun) {
      data.requireRestoresFinished();
    }
    UploadedSpec next = UploadedSpec.check(name, yaml);
    AppSpec spec = next.spec();
    Optional<AppSpec> before = inUse();
    SpecVersion to = version(spec);
    setup.appConfig().requireComplete(spec, name);
    // a dry run too: it answers what the apply would do
    data.requireSnapshotPossible(to.toString());
    String text = new String(yaml, StandardCharsets.UTF_8);
    Changes changes = Changes.of(before, spec);
    Path settings = setup.daemon().settingsFile();
    return control.offSupervisor(() -> {
      check.require(next.checked(), text, name, Optional.of(settings)
          .filter(java.nio.file.Files::exists), carried);
      return null;
    }).thenCompose(checked -> dryRun
        ? CompletableFuture.completedFuture(new ApplyResult(false, "", "dry run: nothing was"
            + " changed; without --dry-run the app stops and " + to + " starts", null,
            changes.from(), to, changes.changes(), changes.summary(), next.warnings()))
        : install(text, to, changes, next.warnings()));
  }

  /** After the checks: stops the app, makes {@code text} the spec in use, starts a run of it. */
  private CompletableFuture<ApplyResult> install(String text, SpecVersion to, Changes changes,
      List<String> warnings) {
    return control.stop("upgrade to " + to + " requested").thenCompose(stopped ->
        data.beforeUpgrade(to.toString()).thenApply(snapshot -> new ControlResult(stopped.state(),
            stopped.message() + (snapshot.isEmpty() ? "" : "; " + snapshot), false)))
        .thenCompose(stopped -> {
      try {
        store.install(text);
      } catch (IOException e) {
        throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot store the new spec in the state"
            + " directory: " + e + "; the spec in use is unchanged and the app is stopped"
            + " (tugboat start starts it)");
      }
      setup.log().info("spec in use is now " + to + (changes.from() == null ? ""
          : " (was " + changes.from() + ")"));
      String undo = changes.from() == null ? "tugboat rollback returns to the spec before it"
          : "tugboat rollback returns to " + changes.from();
      return start("upgrade to " + to, undo).thenApply(started -> new ApplyResult(true,
          started.state(), stopped.message() + "; " + started.message() + " of " + to,
          watchedRun(), changes.from(), to, changes.changes(), changes.summary(), warnings));
    });
  }

  CompletableFuture<ApplyResult> rollback() {
    return rollback(false);
  }

  /** {@code withData}: the data too, as the snapshot the last apply took before it ran kept it. */
  CompletableFuture<ApplyResult> rollback(boolean withData) {
    if (!withData) {
      data.requireRestoresFinished(); // with data, only the unfinished snapshot is restored
    }
    Path back = store.previous().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT,
        "there is no previous spec to roll back to: rollback returns to the spec in use before"
            + " the last apply, and no spec was applied yet (tugboat apply NEW_SPEC installs one)"));
    CheckedSpec checked;
    try {
      checked = AppPreparer.checkSpec(back, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "the previous spec cannot be loaded: "
          + e.getMessage() + "; apply a spec that validates instead");
    }
    AppSpec spec = checked.spec();
    Optional<AppSpec> before = inUse();
    SpecVersion to = version(spec);
    Changes changes = Changes.of(before, spec);
    String text = read(back);
    var settings = store.previousSettings();
    Optional<SnapshotManifest> snapshot = withData ? Optional.of(data.forRollback(back, settings))
        : Optional.empty();
    return control.offSupervisor(() -> {
      check.require(checked, text, back.toString(), settings);
      return null;
    }).thenCompose(ready -> snapshot.map(data::verifyForRollback)
        .orElse(CompletableFuture.completedFuture("")))
        .thenCompose(ready -> swapBack(to, changes, snapshot));
  }

  /** After the checks: stops the app, swaps back the spec and settings, starts a run of them. */
  private CompletableFuture<ApplyResult> swapBack(SpecVersion to, Changes changes,
      Optional<SnapshotManifest> snapshot) {
    return control.stop("rollback to " + to + " requested").thenCompose(stopped ->
        snapshot.map(data::restoreForRollback).orElse(CompletableFuture.completedFuture(""))
            .thenApply(restored -> new ControlResult(stopped.state(), stopped.message()
                + (restored.isEmpty() ? "" : "; " + restored), false)))
        .thenCompose(stopped -> {
      try {
        store.rollback();
      } catch (IOException e) {
        throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot swap the spec and settings in the"
            + " state directory: " + e + "; the app is stopped (tugboat start starts the spec in"
            + " use)");
      }
      snapshot.ifPresent(data::rolledBack);
      setup.log().info("rolled back: spec in use is now " + to);
      return start("rollback to " + to, changes.from() == null
          ? "tugboat rollback returns to the spec left" : "tugboat rollback returns to "
              + changes.from()).thenApply(started -> new ApplyResult(true, started.state(),
          stopped.message() + "; " + started.message() + " of " + to, watchedRun(),
          changes.from(), to, changes.changes(), changes.summary(), List.of()));
    });
  }

  /**
   * After each status of a run: when a run started by an upgrade fails, its containers are
   * stopped and, once they are, the app shows the failure.
   */
  void observe(RunStatus status) {
    Watched run = watched;
    if (run == null || !run.runId().equals(status.runId()) || status.state() != AppPhase.FAILED) {
      return;
    }
    watched = null;
    String message = run.what() + " failed: " + status.message() + "; what it started was"
        + " stopped; " + run.undo();
    if (control.liveRunId().filter(run.runId()::equals).isPresent()) {
      control.stop(run.what() + " failed").whenComplete((stopped, failure) -> {
        if (failure != null) {
          setup.log().error("stopping a failed upgrade's run did not finish: "
              + failure.getMessage());
        }
        control.showFailure(message);
      });
    }
  }

  private CompletableFuture<ControlResult> start(String what, String undo) {
    CompletableFuture<ControlResult> started;
    try {
      started = control.start();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.handle((result, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        AppRefusal.Reason reason = cause instanceof AppRefusal refused ? refused.reason()
            : AppRefusal.Reason.FAILED;
        throw new AppRefusal(reason, what + ": the spec was installed but could not start: "
            + cause.getMessage() + "; the app is stopped; " + undo);
      }
      watched = control.liveRunId().map(runId -> new Watched(runId, what, undo)).orElse(null);
      return result;
    });
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }

  private String watchedRun() {
    Watched run = watched;
    return run == null ? null : run.runId();
  }

  private Optional<AppSpec> inUse() {
    try {
      return Optional.of(actions.loadSpec());
    } catch (AppRefusal e) {
      setup.log().warn("the spec in use cannot be loaded, so no changes are shown: "
          + e.getMessage());
      return Optional.empty();
    }
  }

  private static SpecVersion version(AppSpec spec) {
    return new SpecVersion(spec.name(), spec.version());
  }

  /** The specs' differences, or none to show when the spec in use cannot be read. */
  private record Changes(SpecVersion from, SpecChanges changes, List<String> summary) {
    static Changes of(Optional<AppSpec> before, AppSpec after) {
      if (before.isEmpty()) {
        return new Changes(null, null,
            List.of("(the spec in use cannot be loaded: no changes to show)"));
      }
      SpecChanges changes = SpecDiff.between(before.get(), after);
      return new Changes(version(before.get()), changes, changes.none()
          ? List.of("(no container or event changes)") : changes.lines());
    }
  }
}
