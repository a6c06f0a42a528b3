package dev.tugboat.daemon;

import dev.tugboat.orchestrator.InstanceLabels;
import dev.tugboat.orchestrator.InstanceNames;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts a snapshot's data back. First, before anything changes: every archive is read whole and
 * must match its SHA-256, every image a copy is made through must be on the host, every host
 * directory must be one a restore may empty ({@link DataChoice}) and still a directory (or
 * missing), and no container but the app's own holds a named volume; then the app's stopped
 * containers are removed, under the snapshot's app name and the name in use (they hold its named
 * volumes, and a new run replaces them anyway); then each piece of data is emptied and its
 * archive unpacked into it, in the manifest's order. The app must be stopped. Blocking: runs on
 * a worker, never on the supervisor.
 */
final class SnapshotRestorer {

  private final SnapshotStore store;
  private final VolumeArchive archive;
  private final ContainerRuntime runtime;
  private final DaemonLog log;
  private final DataChoice choice;
  private final Supplier<Optional<String>> appInUse;

  /** {@code appInUse}: the name of the app in the spec in use (a rollback's may differ). */
  SnapshotRestorer(SnapshotStore store, VolumeArchive archive, ContainerRuntime runtime,
      DaemonLog log, DataChoice choice, Supplier<Optional<String>> appInUse) {
    this.store = store;
    this.archive = archive;
    this.runtime = runtime;
    this.log = log;
    this.choice = choice;
    this.appInUse = appInUse;
  }

  /** Checks the snapshot can be restored; nothing is changed. */
  void verify(SnapshotManifest snapshot) {
    Path folder = store.folder(snapshot.id());
    for (SnapshotManifest.Volume volume : snapshot.volumes()) {
      Path file = folder.resolve(volume.archive());
      String found;
      try {
        found = sha256Of(file);
      } catch (IOException e) {
        throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: the archive"
            + " of " + volume.name() + " cannot be read: " + e + "; nothing was changed");
      }
      if (!found.equals(volume.sha256())) {
        throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: the archive"
            + " of " + volume.name() + " (" + file + ") has SHA-256 " + found + ", its manifest"
            + " says " + volume.sha256() + " (damaged or changed); nothing was changed");
      }
      try {
        if (runtime.inspectImage(volume.image()).isEmpty()) {
          throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: image "
              + volume.image() + ", which the copy into " + volume.name() + " is made through,"
              + " is not on this host; load or pull it first; nothing was changed");
        }
      } catch (RuntimeFailure e) {
        throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: "
            + e.getMessage() + "; nothing was changed", e);
      }
      DataMount data = volume.data();
      if (data.kind() == DataMount.Kind.HOST_PATH) {
        verifyHostPath(snapshot, data);
      } else {
        verifyHolders(snapshot, data);
      }
    }
  }

  private void verifyHostPath(SnapshotManifest snapshot, DataMount data) {
    String cannot = "snapshot " + snapshot.id() + " cannot be restored: ";
    Optional<String> refused = choice.refusal(data.source());
    if (refused.isPresent()) {
      throw new SnapshotFailed(cannot + "host path " + refused.get() + " (a restore empties"
          + " the directory first); nothing was changed");
    }
    HostPathKind kind;
    try {
      kind = archive.hostPathKind(data.source());
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed(cannot + e.getMessage() + "; nothing was changed", e);
    }
    if (kind != HostPathKind.DIRECTORY && kind != HostPathKind.MISSING) {
      throw new SnapshotFailed(cannot + "host path " + data.source() + " is now " + kind.words()
          + ", the snapshot holds a directory: a restore empties a directory and unpacks into"
          + " it; move " + data.source() + " away (or make it a directory) and restore again;"
          + " nothing was changed");
    }
  }

  /** A named volume is removed and made again: only the app's containers and copies may hold it. */
  private void verifyHolders(SnapshotManifest snapshot, DataMount data) {
    List<ContainerSummary> holders;
    try {
      holders = archive.holders(data.source());
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: "
          + e.getMessage() + "; nothing was changed", e);
    }
    Set<String> apps = new LinkedHashSet<>();
    appNames(snapshot).forEach(app -> apps.add(InstanceNames.part(app)));
    List<String> others = new ArrayList<>();
    for (ContainerSummary holder : holders) {
      boolean removable = holder.labels().containsKey(VolumeArchive.HELPER_LABEL)
          || apps.contains(holder.labels().get(InstanceLabels.APP));
      if (!removable) {
        others.add(holder.name());
      }
    }
    if (!others.isEmpty()) {
      throw new SnapshotFailed("snapshot " + snapshot.id() + " cannot be restored: volume "
          + data.source() + " is held by " + String.join(", ", others) + ", not of the app: a"
          + " restore removes the volume and makes it again, which the engine refuses while a"
          + " container holds it; remove " + (others.size() == 1 ? "that container" : "those"
          + " containers") + " (docker rm) and restore again; nothing was changed");
    }
  }

  /** The snapshot's app name, and the one in use when it differs (an app renamed since). */
  private List<String> appNames(SnapshotManifest snapshot) {
    Set<String> names = new LinkedHashSet<>();
    names.add(snapshot.app());
    appInUse.get().ifPresent(names::add);
    return List.copyOf(names);
  }

  /** Replaces the app's data with the snapshot's; {@link #verify} first. */
  void restore(SnapshotManifest snapshot) {
    for (String app : appNames(snapshot)) {
      removeStoppedInstances(app);
    }
    Path folder = store.folder(snapshot.id());
    for (SnapshotManifest.Volume volume : snapshot.volumes()) {
      Optional<VolumeFacts> facts = volume.driver() == null ? Optional.empty()
          : Optional.of(new VolumeFacts(volume.name(), volume.driver(), orNone(volume.labels()),
              orNone(volume.options()), ""));
      try {
        List<String> left = archive.empty(volume.data(), facts);
        if (!left.isEmpty()) {
          log.warn("restore of snapshot " + snapshot.id() + ": left " + String.join(", ", left)
              + " in " + volume.name() + " as they are: another file system is mounted there,"
              + " and a restore never empties across a mount");
        }
        try (InputStream in = new GzipCompressorInputStream(
            Files.newInputStream(folder.resolve(volume.archive())))) {
          archive.write(volume.data(), volume.image(), in);
        }
      } catch (IOException | RuntimeFailure e) {
        throw new SnapshotFailed("the restore of snapshot " + snapshot.id() + " failed at "
            + volume.kind() + " " + volume.name() + ": " + e.getMessage() + "; its data is"
            + " incomplete: run tugboat snapshot restore " + snapshot.id() + " again once the"
            + " cause is fixed", e);
      }
      log.info("restored " + volume.kind() + " " + volume.name() + " from snapshot "
          + snapshot.id());
    }
  }

  private void removeStoppedInstances(String app) {
    List<ContainerSummary> instances;
    try {
      instances = runtime.listByLabels(Map.of(InstanceLabels.APP, InstanceNames.part(app)));
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed("cannot list the app's containers before the restore: "
          + e.getMessage() + "; nothing was changed", e);
    }
    for (ContainerSummary instance : instances) {
      if (stillAlive(instance)) {
        throw new SnapshotFailed("container " + instance.name() + " of " + app + " runs: a"
            + " restore needs the app stopped (tugboat stop); nothing was changed");
      }
    }
    for (ContainerSummary instance : instances) {
      try {
        runtime.remove(instance.id());
      } catch (RuntimeFailure e) {
        throw new SnapshotFailed("cannot remove the stopped container " + instance.name()
            + " before the restore: " + e.getMessage() + "; nothing was changed", e);
      }
    }
  }

  /** The engine's list can show a container stopped a moment ago as running: ask it again. */
  private boolean stillAlive(ContainerSummary instance) {
    if (!instance.state().isAlive()) {
      return false;
    }
    try {
      return runtime.inspect(instance.id()).map(info -> info.state().isAlive()).orElse(false);
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed("cannot inspect " + instance.name() + " before the restore: "
          + e.getMessage() + "; nothing was changed", e);
    }
  }

  private static String sha256Of(Path file) throws IOException {
    MessageDigest digest = SnapshotTaker.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static Map<String, String> orNone(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
