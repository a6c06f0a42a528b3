package dev.tugboat.daemon;

import dev.tugboat.orchestrator.InstanceLabels;
import dev.tugboat.orchestrator.InstanceNames;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Puts a snapshot's data back. First, before anything changes: every archive is read whole and
 * must match its SHA-256, and every image a copy is made through must be on the host; then the
 * app's stopped containers are removed (they hold its named volumes, and a new run replaces
 * them anyway); then each piece of data is emptied and its archive unpacked into it, in the
 * manifest's order. The app must be stopped. Blocking: runs on a worker, never on the supervisor.
 */
final class SnapshotRestorer {

  private final SnapshotStore store;
  private final VolumeArchive archive;
  private final ContainerRuntime runtime;
  private final DaemonLog log;

  SnapshotRestorer(SnapshotStore store, VolumeArchive archive, ContainerRuntime runtime,
      DaemonLog log) {
    this.store = store;
    this.archive = archive;
    this.runtime = runtime;
    this.log = log;
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
    }
  }

  /** Replaces the app's data with the snapshot's; {@link #verify} first. */
  void restore(SnapshotManifest snapshot) {
    removeStoppedInstances(snapshot.app());
    Path folder = store.folder(snapshot.id());
    for (SnapshotManifest.Volume volume : snapshot.volumes()) {
      Optional<VolumeFacts> facts = volume.driver() == null ? Optional.empty()
          : Optional.of(new VolumeFacts(volume.name(), volume.driver(), orNone(volume.labels()),
              orNone(volume.options()), ""));
      try {
        archive.empty(volume.data(), facts);
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
