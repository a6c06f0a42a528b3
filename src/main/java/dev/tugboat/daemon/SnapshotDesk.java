package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.ControlResult;
import dev.tugboat.api.SnapshotInfo;
import dev.tugboat.api.SnapshotResult;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.orchestrator.AppData;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * <p>A consistent copy needs the app stopped: a database copied while it writes may not start
 * from the copy. So {@code create} refuses a running app unless asked to stop it first, and then
 * starts it again whatever the snapshot's outcome; a restore stops it itself, since it replaces
 * the data anyway.
 */
final class SnapshotDesk implements SpecUpgrade.Data {

  private final DaemonSetup setup;
  private final SpecStore specs;
  private final AppActions actions;
  private final SnapshotStore store;
  private final SnapshotTaker taker;
  private final SnapshotRestorer restorer;
  private final SpecUpgrade.Control control;

  SnapshotDesk(DaemonSetup setup, SpecStore specs, AppActions actions, SnapshotStore store,
      SnapshotTaker taker, SnapshotRestorer restorer, SpecUpgrade.Control control) {
    this.setup = setup;
    this.specs = specs;
    this.actions = actions;
    this.store = store;
    this.taker = taker;
    this.restorer = restorer;
    this.control = control;
  }

  /** Newest first; reads the state directory, so call it off the supervisor. */
  List<SnapshotInfo> list() {
    return store.list().stream().map(SnapshotManifest::info).toList();
  }

  CompletableFuture<SnapshotResult> create(boolean stopFirst) {
    Optional<String> running = control.liveRunId();
    if (running.isPresent() && !stopFirst) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "the app runs (run " + running.get()
          + "): a consistent snapshot needs it stopped, or a database may not start from the"
          + " copy; tugboat snapshot create --stop stops it, takes the snapshot and starts it"
          + " again (or tugboat stop first)");
    }
    SnapshotTaker.Subject subject = subjectInUse(SnapshotManifest.BY_OPERATOR,
        "asked by the operator");
    if (subject.data().isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, subject.app() + " " + subject.version()
          + " mounts no volume or host directory for writing: there is no data to keep");
    }
    // asked even when no run is live: a start being prepared is refused there, not raced
    CompletableFuture<String> stopped = control.stop("a snapshot was asked"
        + (running.isEmpty() ? "" : " with --stop")).thenApply(s -> running.isEmpty() ? ""
            : s.message() + "; ");
    return stopped.thenCompose(before -> copying(subject).handle((manifest, failure) -> {
      control.showProgress(failure == null ? "snapshot " + manifest.id() + " taken: "
          + manifest.summary() : CommandQueue.unwrap(failure).getMessage());
      return new Outcome(before, manifest, failure);
    }))
        .thenCompose(outcome -> running.isEmpty() ? CompletableFuture.completedFuture(
            outcome.answer(null)) : startAgain(outcome));
  }

  /** What a snapshot came to: the words before it, and it or its failure. */
  private record Outcome(String before, SnapshotManifest manifest, Throwable failure) {
    SnapshotResult answer(ControlResult started) {
      if (failure != null) {
        RuntimeException cause = refusal(CommandQueue.unwrap(failure));
        throw started == null ? cause : new AppRefusal(AppRefusal.Reason.FAILED,
            cause.getMessage() + "; the app was started again: " + started.message());
      }
      return new SnapshotResult(before + "snapshot " + manifest.id() + " taken: "
          + manifest.summary() + (started == null ? "" : "; " + started.message()),
          manifest.info(), started == null ? null : runIdOf(started));
    }
  }

  private CompletableFuture<SnapshotResult> startAgain(Outcome outcome) {
    return control.start().thenApply(outcome::answer);
  }

  CompletableFuture<SnapshotResult> restore(String id) {
    SnapshotManifest snapshot = store.find(id).orElseThrow(() -> new AppRefusal(
        AppRefusal.Reason.NOT_FOUND, "no snapshot " + id + " in " + store.dir()
            + "; tugboat snapshot list shows them"));
    Kept kept = keptInputs(snapshot, true);
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
          String inUse = putInUse(snapshot, kept);
          return control.start().thenApply(started -> new SnapshotResult(before
              + "restored snapshot " + snapshot.id() + " (" + snapshot.summary() + "); " + inUse
              + "; " + started.message(), snapshot.info(), runIdOf(started)));
        });
  }

  /** The snapshot's data put back, beside the supervisor; a failure shows the app failed. */
  private CompletableFuture<String> copyBack(SnapshotManifest snapshot, String before) {
    control.showProgress("restoring snapshot " + snapshot.id() + " (" + snapshot.summary() + ")");
    return control.offSupervisor(() -> {
      restorer.restore(snapshot);
      return before;
    }).exceptionally(failure -> {
      RuntimeException cause = refusal(CommandQueue.unwrap(failure));
      control.showFailure(cause.getMessage());
      throw cause;
    });
  }

  @Override
  public CompletableFuture<String> beforeUpgrade(String to) {
    SnapshotTaker.Subject subject = subjectInUse(SnapshotManifest.BY_APPLY,
        "before the upgrade to " + to);
    if (subject.data().isEmpty()) {
      return CompletableFuture.completedFuture("no snapshot: " + subject.app() + " "
          + subject.version() + " mounts no volume for writing");
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
      return "snapshot " + manifest.id() + " of the data taken: " + manifest.summary();
    });
  }

  @Override
  public Object forRollback(Path spec, Optional<Path> settings) {
    String specDigest = digest(spec).orElseThrow();
    Optional<String> settingsDigest = settings.flatMap(SnapshotDesk::digest);
    SnapshotManifest found = store.list().stream()
        .filter(m -> SnapshotManifest.BY_APPLY.equals(m.cause()))
        .filter(m -> m.specDigest().equals(specDigest)
            && Optional.ofNullable(m.settingsDigest()).equals(settingsDigest))
        .findFirst().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT, "no snapshot"
            + " taken by an apply holds the data of the spec and settings a rollback returns to"
            + " (the app had no volumes then, or the snapshot was removed beyond snapshots_kept):"
            + " tugboat rollback without --data returns to the spec and settings only;"
            + " tugboat snapshot list shows the snapshots kept"));
    keptInputs(found, false);
    return found;
  }

  @Override
  public CompletableFuture<String> verifyForRollback(Object snapshot) {
    SnapshotManifest manifest = (SnapshotManifest) snapshot;
    return control.offSupervisor(() -> {
      restorer.verify(manifest);
      return "";
    }).exceptionally(failure -> {
      throw refusal(CommandQueue.unwrap(failure));
    });
  }

  @Override
  public CompletableFuture<String> restoreForRollback(Object snapshot) {
    SnapshotManifest manifest = (SnapshotManifest) snapshot;
    control.showProgress("restoring snapshot " + manifest.id() + " (" + manifest.summary() + ")");
    return control.offSupervisor(() -> {
      restorer.restore(manifest);
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

  /** The spec and settings in use, and the data their containers mount. */
  private SnapshotTaker.Subject subjectInUse(String cause, String reason) {
    CheckedSpec checked = actions.checkSpec();
    AppSpec spec = checked.spec();
    Optional<String> settings = read(setup.daemon().settingsFile());
    return new SnapshotTaker.Subject(spec.name(), spec.version(), checked.text(), settings,
        actions.data(checked), cause, reason);
  }

  /** A snapshot's spec and settings: it restores only into the app it was taken of. */
  private record Kept(Path spec, Optional<Path> settings, String specText) {}

  /** {@code sameApp}: the snapshot must be of the app the daemon runs now (a rollback's need not). */
  private Kept keptInputs(SnapshotManifest snapshot, boolean sameApp) {
    Path folder = store.folder(snapshot.id());
    Path spec = folder.resolve(SnapshotManifest.SPEC_FILE);
    Optional<Path> settings = snapshot.settingsDigest() == null ? Optional.empty()
        : Optional.of(folder.resolve(SnapshotManifest.SETTINGS_FILE));
    if (!Files.isRegularFile(spec) || settings.isPresent() && !Files.isRegularFile(settings.get())
        || !digest(spec).orElse("").equals(snapshot.specDigest())
        || !settings.flatMap(SnapshotDesk::digest).equals(
            Optional.ofNullable(snapshot.settingsDigest()))) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "snapshot " + snapshot.id() + " cannot"
          + " be restored: the spec and settings it was taken with are missing or changed in "
          + folder + ", so the app could not start as it ran with this data");
    }
    CheckedSpec checked;
    try {
      checked = AppPreparer.checkSpec(spec, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "snapshot " + snapshot.id() + " cannot be"
          + " restored: its spec does not load: " + e.getMessage());
    }
    String inUse = sameApp ? actions.loadSpec().name() : snapshot.app();
    if (!checked.spec().name().equals(inUse) || !snapshot.app().equals(inUse)) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "snapshot " + snapshot.id() + " holds the"
          + " data of " + snapshot.app() + ", the daemon runs " + inUse + ": a snapshot is"
          + " restored only into the app it was taken of");
    }
    return new Kept(spec, settings, checked.text());
  }

  /** Makes the snapshot's spec and settings the ones in use, where they differ; on the supervisor. */
  private String putInUse(SnapshotManifest snapshot, Kept kept) {
    try {
      Optional<String> current = specs.current().flatMap(SnapshotDesk::digest);
      boolean newSpec = !current.equals(Optional.of(snapshot.specDigest()));
      if (newSpec) {
        specs.install(kept.specText());
      }
      Optional<String> settings = digest(setup.daemon().settingsFile());
      boolean newSettings = kept.settings().isPresent()
          && !settings.equals(Optional.of(snapshot.settingsDigest()));
      if (newSettings) {
        AtomicFiles.writePrivate(setup.daemon().settingsFile(),
            Files.readString(kept.settings().get(), StandardCharsets.UTF_8));
      }
      String what = snapshot.app() + " " + snapshot.version();
      setup.log().info("restored snapshot " + snapshot.id() + ": " + what + " with the"
          + " snapshot's settings is in use");
      return (newSpec ? "the spec in use is now " + what + " (tugboat rollback returns to the one"
          + " before)" : "the spec in use was " + what + " already") + (newSettings
          ? ", with the settings of the snapshot" : ", with the same settings");
    } catch (IOException e) {
      String message = "snapshot " + snapshot.id() + "'s data was restored, but its spec and"
          + " settings cannot be put in use in the state directory: " + e + "; the app is stopped";
      control.showFailure(message);
      throw new AppRefusal(AppRefusal.Reason.NO_SPACE, message);
    }
  }

  private static RuntimeException refusal(Throwable failure) {
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

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read " + file + ": " + e);
    }
  }

  private static Optional<String> digest(Path file) {
    try {
      return Optional.of(InputFiles.digestOf(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read " + file + ": " + e);
    }
  }
}
