package dev.tugboat.bundle;

import dev.tugboat.runtime.ImageArchive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Makes a bundle: each image is saved from the engine to a scratch file beside the output (a tar
 * entry's header needs its size, and the manifest, which comes first, every part's SHA-256), then
 * manifest, spec and images are written to a temporary file that is moved into place at the end.
 * A failure leaves no partial bundle and no scratch file behind.
 */
public final class BundleWriter {

  private final ImageArchive archive;
  private final Clock clock;
  private final String tugboatVersion;

  public BundleWriter(ImageArchive archive, Clock clock, String tugboatVersion) {
    this.archive = archive;
    this.clock = clock;
    this.tugboatVersion = tugboatVersion;
  }

  /**
   * Writes the bundle of {@code spec} ({@code app} {@code version}) and {@code images} (each
   * with the size the engine reports, for progress) to {@code out}.
   *
   * @throws BundleException when the output cannot be written (nothing is left behind)
   * @throws dev.tugboat.runtime.RuntimeFailure when the engine cannot save an image
   */
  public BundleManifest write(String app, String version, byte[] spec, Map<String, Long> images,
      Path out, TransferListener listener) throws BundleException {
    Path target = out.toAbsolutePath();
    Path scratch = null;
    Path partial = null;
    // Ctrl-C during a save of gigabytes ends the JVM without running finally: remove them then too.
    List<Path> leftovers = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread cleanup = new Thread(() -> List.copyOf(leftovers).forEach(BundleWriter::delete),
        "tugboat-bundle-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      scratch = Files.createTempDirectory(target.getParent(), ".tugboat-bundle-");
      leftovers.add(scratch);
      List<BundlePart> parts = new ArrayList<>();
      parts.add(part("spec.yml", PartKind.SPEC, List.of(), spec));
      int index = 1;
      for (Map.Entry<String, Long> image : images.entrySet()) {
        String path = PartPaths.image(index++, image.getKey());
        parts.add(save(image.getKey(), image.getValue(), path, scratch, listener));
      }
      Instant created = clock.instant();
      BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, app, version,
          tugboatVersion, created, parts);
      partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
      leftovers.add(partial);
      writeTar(partial, manifest, spec, scratch);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      partial = null;
      return manifest;
    } catch (IOException | UncheckedIOException e) {
      throw new BundleException("cannot write " + out + ": " + e.getMessage()
          + " (is there room for about twice the images' size in " + target.getParent() + "?)",
          e);
    } finally {
      delete(partial);
      delete(scratch);
      leftovers.clear();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException exiting) {
        // the hook runs (or ran) and finds nothing left
      }
    }
  }

  private static BundlePart part(String path, PartKind kind, List<String> images, byte[] bytes) {
    PartDigest digest = new PartDigest();
    digest.update(bytes, 0, bytes.length);
    return new BundlePart(path, kind, images, bytes.length, digest.hex());
  }

  private BundlePart save(String image, long expected, String path, Path scratch,
      TransferListener listener) throws IOException {
    Path file = scratch.resolve(path);
    Files.createDirectories(file.getParent());
    PartDigest digest = new PartDigest();
    String step = "save " + image;
    try (OutputStream out = digest.writing(new BufferedOutputStream(
        Files.newOutputStream(file), 64 * 1024))) {
      archive.save(image, out, done -> listener.progress(step, done, Math.max(expected, done)));
    }
    listener.progress(step, digest.size(), digest.size());
    return new BundlePart(path, PartKind.IMAGE, List.of(image), digest.size(), digest.hex());
  }

  private static void writeTar(Path file, BundleManifest manifest, byte[] spec, Path scratch)
      throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] json = manifest.toJson();
      entry(tar, BundleManifest.PATH, json.length, manifest.created());
      tar.write(json);
      tar.closeArchiveEntry();
      for (BundlePart part : manifest.parts()) {
        entry(tar, part.path(), part.size(), manifest.created());
        if (part.kind() == PartKind.SPEC) {
          tar.write(spec);
        } else {
          try (InputStream in = Files.newInputStream(scratch.resolve(part.path()))) {
            in.transferTo(tar);
          }
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    try (var channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void entry(TarArchiveOutputStream tar, String path, long size, Instant time)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(size);
    entry.setMode(0644);
    // Whole seconds: a finer time makes the archive carry a PAX header per part, which older tar
    // readers show as extra files.
    entry.setModTime(java.util.Date.from(time.truncatedTo(ChronoUnit.SECONDS)));
    tar.putArchiveEntry(entry);
  }

  private static void delete(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a scratch file left in a hidden name is harmless; the error that matters was thrown
    }
  }
}
