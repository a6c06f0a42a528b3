package dev.tugboat.bundle;

import dev.tugboat.runtime.InMemoryImageArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Bundles made in memory, and edits of them as a damaged copy or an attacker would make them. */
final class BundleFixtures {

  static final String SPEC = """
      replicated_api_version: 2.38.0
      name: shop
      version: "2"
      components:
      - name: shop
        containers:
        - source: public
          image_name: shop/web
          version: "2"
        - source: public
          image_name: postgres
          version: "16"
      """;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private BundleFixtures() {}

  static InMemoryImageArchive engine() {
    return new InMemoryImageArchive()
        .with("shop/web:2", "web layers ".repeat(50))
        .with("postgres:16", "db layers ".repeat(80));
  }

  static Path make(Path dir, InMemoryImageArchive engine) throws Exception {
    Map<String, Long> images = new LinkedHashMap<>();
    images.put("shop/web:2", 0L);
    images.put("postgres:16", 0L);
    Path out = dir.resolve("shop-2.tar");
    new BundleWriter(engine, CLOCK, "1.4.0").write("shop", "2",
        SPEC.getBytes(StandardCharsets.UTF_8), images, out, TransferListener.NONE);
    return out;
  }

  /** An entry of the archive: its name and bytes. */
  record Entry(String name, byte[] bytes) {}

  static List<Entry> entries(Path bundle) throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(bundle))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.add(new Entry(entry.getName(), tar.readAllBytes()));
      }
    }
    return entries;
  }

  /** The bundle rewritten with {@code edit} applied to its list of entries. */
  static Path rewrite(Path bundle, UnaryOperator<List<Entry>> edit) throws IOException {
    List<Entry> edited = edit.apply(new java.util.ArrayList<>(entries(bundle)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry entry : edited) {
        TarArchiveEntry header = new TarArchiveEntry(entry.name(), true);
        header.setSize(entry.bytes().length);
        tar.putArchiveEntry(header);
        tar.write(entry.bytes());
        tar.closeArchiveEntry();
      }
    }
    Path out = bundle.resolveSibling("edited-" + bundle.getFileName());
    Files.write(out, bytes.toByteArray());
    return out;
  }

  /**
   * The bundle with part {@code name} replaced by a header of type {@code linkFlag} (a symlink or
   * hard link to {@code target}) of the part's size, its bytes following as a file's would.
   */
  static Path withLinkAt(Path bundle, String name, byte linkFlag, String target)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Entry entry : entries(bundle)) {
        TarArchiveEntry header = entry.name().equals(name)
            ? new TarArchiveEntry(entry.name(), linkFlag) : new TarArchiveEntry(entry.name());
        if (entry.name().equals(name)) {
          header.setLinkName(target);
        }
        header.setSize(entry.bytes().length);
        tar.putArchiveEntry(header);
        tar.write(entry.bytes());
        tar.closeArchiveEntry();
      }
    }
    Path out = bundle.resolveSibling("linked-" + bundle.getFileName());
    Files.write(out, bytes.toByteArray());
    return out;
  }

  /**
   * The bundle with part {@code path} holding {@code bytes} and declaring {@code images}, its
   * manifest entry made to match: as one who rewrites a bundle would make it.
   */
  static Path withPart(Path bundle, String path, List<String> images, byte[] bytes)
      throws Exception {
    BundleManifest manifest = BundleManifest.parse(entries(bundle).get(0).bytes(), "test");
    PartDigest digest = new PartDigest();
    digest.update(bytes, 0, bytes.length);
    List<BundlePart> parts = manifest.parts().stream().map(part -> part.path().equals(path)
        ? new BundlePart(path, part.kind(), images, bytes.length, digest.hex()) : part).toList();
    byte[] json = new BundleManifest(manifest.format(), manifest.app(), manifest.version(),
        manifest.tugboatVersion(), manifest.created(), parts).toJson();
    return rewrite(bundle, list -> list.stream().map(entry -> entry.name().equals(path)
        ? new Entry(path, bytes) : entry.name().equals(BundleManifest.PATH)
            ? new Entry(entry.name(), json) : entry).toList());
  }

  /** The bundle with the byte at the first occurrence of {@code text} changed. */
  static Path flipByteOf(Path bundle, String text) throws IOException {
    byte[] bytes = Files.readAllBytes(bundle);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text);
    if (at < 0) {
      throw new IllegalArgumentException(text + " is not in " + bundle);
    }
    bytes[at] ^= 0x01;
    Path out = bundle.resolveSibling("flipped-" + bundle.getFileName());
    Files.write(out, bytes);
    return out;
  }
}
