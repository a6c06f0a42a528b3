package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
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

/**
 * The spec and settings a snapshot belongs to: read from those in use for a new snapshot, checked
 * against its manifest's digests before a restore (a snapshot restores only with them, into the
 * app it was taken of), and made the ones in use after it. On the supervisor.
 */
final class SnapshotInputs {

  private final DaemonSetup setup;
  private final SpecStore specs;
  private final AppActions actions;
  private final SnapshotStore store;
  private final BackupSwitch backups;

  SnapshotInputs(DaemonSetup setup, SpecStore specs, AppActions actions, SnapshotStore store) {
    this.setup = setup;
    this.backups = new BackupSwitch(spec -> setup.appConfig().environment(spec));
    this.specs = specs;
    this.actions = actions;
    this.store = store;
  }

  /**
   * The spec and settings in use, and the data their containers mount; none when the spec turns
   * snapshots off (then what it mounts is not even looked at: nothing will be copied or emptied).
   */
  SnapshotTaker.Subject inUse(String cause, String reason) {
    return inUse(cause, reason, false);
  }

  /**
   * As above; {@code ofRunningApp}: the snapshot is of the running app, so whether the spec
   * pauses it is decided too (nowhere else does a pause matter, nor its template's failure).
   */
  SnapshotTaker.Subject inUse(String cause, String reason, boolean ofRunningApp) {
    CheckedSpec checked = actions.checkSpec();
    AppSpec spec = checked.spec();
    Optional<String> settings = read(setup.daemon().settingsFile());
    Optional<String> off = backups.off(spec);
    AppData.Found data = off.isPresent() ? new AppData.Found(List.of(), List.of())
        : actions.data(checked);
    return new SnapshotTaker.Subject(spec.name(), spec.version(), checked.text(), settings,
        data.kept(), data.leftOut(), off, ofRunningApp && off.isEmpty() && backups.pauses(spec),
        cause, reason);
  }

  /** A snapshot's spec and settings: it restores only into the app it was taken of. */
  record Kept(Path spec, Optional<Path> settings, String specText) {}

  /** {@code sameApp}: the snapshot must be of the app the daemon runs now (a rollback's need not). */
  Kept kept(SnapshotManifest snapshot, boolean sameApp) {
    Path folder = store.folder(snapshot.id());
    Path spec = folder.resolve(SnapshotManifest.SPEC_FILE);
    Optional<Path> settings = snapshot.settingsDigest() == null ? Optional.empty()
        : Optional.of(folder.resolve(SnapshotManifest.SETTINGS_FILE));
    if (!Files.isRegularFile(spec) || settings.isPresent() && !Files.isRegularFile(settings.get())
        || !digest(spec).orElse("").equals(snapshot.specDigest())
        || !settings.flatMap(SnapshotInputs::digest).equals(
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
  String putInUse(SnapshotManifest snapshot, Kept kept) {
    try {
      Optional<String> current = specs.current().flatMap(SnapshotInputs::digest);
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
      throw new AppRefusal(AppRefusal.Reason.NO_SPACE, "snapshot " + snapshot.id() + "'s data"
          + " was restored, but its spec and settings cannot be put in use in the state"
          + " directory: " + e + "; the app is stopped");
    }
  }

  static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read " + file + ": " + e);
    }
  }

  static Optional<String> digest(Path file) {
    try {
      return Optional.of(InputFiles.digestOf(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read " + file + ": " + e);
    }
  }
}
