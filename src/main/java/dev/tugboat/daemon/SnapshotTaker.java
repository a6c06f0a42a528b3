package dev.tugboat.daemon;

import dev.tugboat.app.RunIds;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.files.ByteSizes;
import dev.tugboat.orchestrator.AppData;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Takes a snapshot of an app's data: checks the state directory has room for it, copies each
 * volume's archive (gzip, fast level) into the snapshot with its SHA-256, keeps the spec and
 * settings beside it, writes the manifest last, then removes the oldest snapshots beyond the
 * retention count. The app must be stopped. Blocking: runs on a worker, never on the supervisor.
 * A failure leaves no snapshot behind and throws {@link SnapshotFailed}.
 */
final class SnapshotTaker {

  /** Room kept free beyond the data's size: tar headers, the manifest, the state's own files. */
  static final long MARGIN = 64L << 20;

  /**
   * The app's data and what it belongs to; {@code leftOut}: what the spec marks to leave out of
   * snapshots; {@code turnedOff}: why the spec takes no snapshot at all (then there is no data);
   * {@code pauses}: the spec pauses the running app for a snapshot rather than have it stopped.
   */
  record Subject(String app, String version, String specText, Optional<String> settingsText,
      List<AppData.Mounted> data, List<AppData.Mounted> leftOut, Optional<String> turnedOff,
      boolean pauses, String cause, String reason) {

    /** What the spec left out, for the words that say a snapshot was taken; "" when nothing. */
    String leftOutNote() {
      return leftOut.isEmpty() ? "" : "; left out as the spec marks them (is_excluded_from_backup,"
          + " is_ephemeral): " + leftOutNames();
    }

    String leftOutNames() {
      return leftOut.stream().map(m -> (m.data().kind() == DataMount.Kind.NAMED_VOLUME
          ? "volume " : "host path ") + m.data().source()).collect(Collectors.joining(", "));
    }
  }

  private final SnapshotStore store;
  private final VolumeArchive archive;
  private final Clock clock;
  private final DaemonLog log;
  private final int kept;
  private final ToLongFunction<Path> usableSpace;

  SnapshotTaker(SnapshotStore store, VolumeArchive archive, Clock clock, DaemonLog log, int kept,
      ToLongFunction<Path> usableSpace) {
    this.store = store;
    this.archive = archive;
    this.clock = clock;
    this.log = log;
    this.kept = kept;
    this.usableSpace = usableSpace;
  }

  /** The usable space of the file system that holds {@code dir}. */
  static long usableSpaceOf(Path dir) {
    try {
      Path existing = dir;
      while (!Files.exists(existing) && existing.getParent() != null) {
        existing = existing.getParent();
      }
      return Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SnapshotManifest take(Subject subject) {
    Prepared prepared = prepare(subject);
    SnapshotManifest manifest = copy(prepared);
    kept(manifest);
    return manifest;
  }

  /**
   * A snapshot begun: its data found and measured, room for it checked, its directory made with
   * the spec and settings in it; what is left is the copy of the data.
   */
  record Prepared(Subject subject, Instant began, String id, List<Present> present, Path partial) {}

  /** All of a snapshot that comes before the copy, so a paused app waits for the copy alone. */
  Prepared prepare(Subject subject) {
    Instant began = clock.instant();
    String id = RunIds.next(clock);
    List<Present> present = present(subject.data());
    // an interrupted snapshot's leftovers take space the check below would count as used
    store.removeUnfinished();
    requireRoom(present);
    Path partial;
    try {
      partial = store.begin(id);
    } catch (IOException e) {
      throw new SnapshotFailed("cannot make the snapshot's directory in " + store.dir() + ": " + e);
    }
    try {
      AtomicFiles.writePrivate(partial.resolve(SnapshotManifest.SPEC_FILE), subject.specText());
      if (subject.settingsText().isPresent()) {
        AtomicFiles.writePrivate(partial.resolve(SnapshotManifest.SETTINGS_FILE),
            subject.settingsText().get());
      }
    } catch (IOException | RuntimeException e) {
      throw abandoned(subject, partial, e);
    }
    return new Prepared(subject, began, id, present, partial);
  }

  /** Copies the data and writes the manifest last; a failure leaves no snapshot behind. */
  SnapshotManifest copy(Prepared prepared) {
    Subject subject = prepared.subject();
    try {
      List<SnapshotManifest.Volume> volumes = new ArrayList<>();
      for (int i = 0; i < prepared.present().size(); i++) {
        volumes.add(copy(prepared.partial(), i, prepared.present().get(i)));
      }
      long bytes = volumes.stream().mapToLong(SnapshotManifest.Volume::archiveBytes).sum();
      double seconds = Duration.between(prepared.began(), clock.instant()).toMillis() / 1000.0;
      SnapshotManifest manifest = new SnapshotManifest(SnapshotManifest.FORMAT, prepared.id(),
          prepared.began(), subject.cause(), subject.reason(), subject.app(), subject.version(),
          InputFiles.digestOf(subject.specText().getBytes(StandardCharsets.UTF_8)),
          subject.settingsText().map(s -> InputFiles.digestOf(s.getBytes(StandardCharsets.UTF_8)))
              .orElse(null), seconds, bytes, volumes);
      store.finish(prepared.partial(), manifest);
      log.info("snapshot " + prepared.id() + " of " + subject.app() + " " + subject.version()
          + " taken (" + subject.reason() + "): " + manifest.summary() + ", in "
          + store.folder(prepared.id()) + subject.leftOutNote());
      return manifest;
    } catch (IOException | RuntimeException e) {
      throw abandoned(subject, prepared.partial(), e);
    }
  }

  /** A prepared snapshot that will not be copied: its directory goes. */
  void abandon(Prepared prepared) {
    store.abandon(prepared.partial());
  }

  /** Removes the oldest snapshots beyond the retention count, after {@code taken}. */
  void kept(SnapshotManifest taken) {
    List<String> removed = store.prune(kept, taken.id());
    if (!removed.isEmpty()) {
      log.info("removed the oldest snapshots beyond snapshots_kept " + kept + ": "
          + String.join(", ", removed));
    }
  }

  private SnapshotFailed abandoned(Subject subject, Path partial, Exception e) {
    store.abandon(partial);
    String why = e instanceof UncheckedIOException u ? u.getCause().toString() : e.getMessage();
    return new SnapshotFailed("the snapshot of " + subject.app() + " " + subject.version()
        + " failed: " + why, e);
  }

  /** A piece of data that exists, with its facts and measured size. */
  record Present(AppData.Mounted mounted, Optional<VolumeFacts> facts, OptionalLong size) {}

  /** A named volume that was never made (the app never ran) holds nothing to keep. */
  private List<Present> present(List<AppData.Mounted> data) {
    List<Present> present = new ArrayList<>();
    for (AppData.Mounted mounted : data) {
      Optional<VolumeFacts> facts = Optional.empty();
      if (mounted.data().kind() == DataMount.Kind.NAMED_VOLUME) {
        facts = inspect(mounted.data());
        if (facts.isEmpty()) {
          log.info("volume " + mounted.data().source() + " does not exist yet: nothing of it to"
              + " keep in the snapshot");
          continue;
        }
      }
      present.add(new Present(mounted, facts, measure(mounted.data())));
    }
    return present;
  }

  private Optional<VolumeFacts> inspect(DataMount data) {
    try {
      return archive.inspectVolume(data.source());
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed("the snapshot failed: cannot inspect " + data + ": "
          + e.getMessage(), e);
    }
  }

  private OptionalLong measure(DataMount data) {
    try {
      return archive.size(data);
    } catch (RuntimeFailure e) {
      throw new SnapshotFailed("the snapshot failed: cannot measure " + data + ": "
          + e.getMessage(), e);
    }
  }

  private void requireRoom(List<Present> present) {
    long needed = MARGIN;
    List<String> unmeasured = new ArrayList<>();
    for (Present p : present) {
      if (p.size().isPresent()) {
        needed += p.size().getAsLong();
      } else {
        unmeasured.add(p.mounted().data().toString());
      }
    }
    if (!unmeasured.isEmpty()) {
      log.warn("cannot measure " + String.join(", ", unmeasured) + " from this host before the"
          + " snapshot: the free space is checked against the others only");
    }
    long usable = usableSpace.applyAsLong(store.dir());
    if (usable < needed) {
      throw new SnapshotFailed("not enough free space for the snapshot in " + store.dir() + ": the"
          + " data takes " + ByteSizes.of(needed - MARGIN) + " (and " + ByteSizes.of(MARGIN)
          + " are kept free), " + ByteSizes.of(usable) + " are free; free some space, or lower"
          + " snapshots_kept in the daemon config and remove old snapshots");
    }
  }

  private SnapshotManifest.Volume copy(Path partial, int index, Present present)
      throws IOException {
    DataMount data = present.mounted().data();
    String file = String.format("%02d-%s.tar.gz", index,
        data.source().replaceAll("^/", "").replaceAll("[^A-Za-z0-9._-]", "_"));
    Path target = partial.resolve(file);
    MessageDigest sha256 = sha256();
    try (FileOutputStream raw = new FileOutputStream(target.toFile());
        DigestOutputStream digested = new DigestOutputStream(raw, sha256)) {
      GzipParameters fast = new GzipParameters();
      fast.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
      try (OutputStream gzip = new GzipCompressorOutputStream(closeShield(digested), fast)) {
        archive.read(data, present.mounted().image(), gzip);
      }
      digested.flush();
      raw.getFD().sync();
    }
    ArchiveTop top = ArchiveTop.of(target);
    return new SnapshotManifest.Volume(data.source(), data.kind().label(),
        present.mounted().containerPath(), present.mounted().container(),
        present.mounted().image(), present.facts().map(VolumeFacts::driver).orElse(null),
        present.facts().map(VolumeFacts::labels).orElse(null),
        present.facts().map(VolumeFacts::options).orElse(null), file, Files.size(target),
        present.size().isPresent() ? present.size().getAsLong() : null,
        HexFormat.of().formatHex(sha256.digest()), top.owner(), top.mode());
  }

  private static OutputStream closeShield(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
