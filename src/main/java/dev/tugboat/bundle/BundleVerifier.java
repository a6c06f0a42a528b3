package dev.tugboat.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Checks a bundle before anything of it is used: the manifest comes first and is a format this
 * Tugboat reads, the app is the expected one, and every part is listed, safely named, a plain
 * file, of the listed size and SHA-256, and present; nothing else is in it. Reads the whole file
 * once (hashing gigabytes takes a while: progress is reported). Each refusal names the part.
 */
public final class BundleVerifier {

  private static final int BUFFER = 64 * 1024;
  private final String readerVersion;

  /** {@code readerVersion}: this Tugboat's, named when a bundle's format is newer. */
  public BundleVerifier(String readerVersion) {
    this.readerVersion = readerVersion;
  }

  /**
   * @param expectedApp the app the bundle must carry (the daemon's); empty: any
   * @throws BundleException what is wrong, naming the part; nothing was loaded
   */
  public VerifiedBundle verify(Path file, Optional<String> expectedApp, TransferListener listener)
      throws BundleException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
      BundleManifest manifest = manifest(tar);
      if (expectedApp.isPresent() && !expectedApp.get().equals(manifest.app())) {
        throw new BundleException("the bundle carries app '" + manifest.app() + "' "
            + manifest.version() + ", but this daemon runs app '" + expectedApp.get()
            + "': refused; use the bundle the vendor made for " + expectedApp.get());
      }
      byte[] spec = null;
      Set<String> seen = new HashSet<>();
      TarArchiveEntry entry;
      while ((entry = next(tar, "after " + lastOf(seen))) != null) {
        BundlePart part = listed(manifest, entry, seen);
        PartDigest digest = new PartDigest();
        InputStream content = digest.reading(tar);
        ByteArrayOutputStream specBytes = part.kind() == PartKind.SPEC
            ? new ByteArrayOutputStream() : null;
        drain(content, part, specBytes, listener);
        compare(part, digest);
        if (specBytes != null) {
          spec = specBytes.toByteArray();
        }
      }
      List<String> missing = manifest.parts().stream().map(BundlePart::path)
          .filter(path -> !seen.contains(path)).toList();
      if (!missing.isEmpty()) {
        throw new BundleException("part " + missing.get(0) + " is missing"
            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
            + ": the bundle is truncated or incomplete; copy it again from the vendor's file");
      }
      return new VerifiedBundle(file, manifest, spec);
    } catch (NoSuchFileException e) {
      throw new BundleException(file + ": no such file");
    } catch (IOException e) {
      throw new BundleException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private BundleManifest manifest(TarArchiveInputStream tar) throws BundleException, IOException {
    TarArchiveEntry first = next(tar, "at its start");
    if (first == null || !first.getName().equals(BundleManifest.PATH)) {
      throw new BundleException("this is not a Tugboat bundle: its first part must be "
          + BundleManifest.PATH + (first == null ? ", and it has none"
              : ", not '" + first.getName() + "'"));
    }
    if (!plainFile(first) || first.getSize() > BundleManifest.MAX_BYTES) {
      throw new BundleException(BundleManifest.PATH + " is not a plain file of at most "
          + BundleManifest.MAX_BYTES + " bytes: refused");
    }
    byte[] json;
    try {
      json = tar.readAllBytes();
    } catch (IOException e) {
      throw truncated(BundleManifest.PATH, e);
    }
    return BundleManifest.parse(json, readerVersion);
  }

  private static TarArchiveEntry next(TarArchiveInputStream tar, String where)
      throws BundleException {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      throw new BundleException("the archive is damaged " + where + ": " + e.getMessage()
          + "; copy the bundle again");
    }
  }

  private static BundlePart listed(BundleManifest manifest, TarArchiveEntry entry,
      Set<String> seen) throws BundleException {
    String name = entry.getName();
    if (!PartPaths.safe(name)) {
      throw new BundleException("part '" + name + "' has a path outside the bundle or characters"
          + " a part may not have: refused");
    }
    if (!plainFile(entry)) {
      throw new BundleException("part " + name + " is not a plain file (a link, device,"
          + " directory or sparse file): refused");
    }
    BundlePart part = manifest.part(name).orElseThrow(() -> new BundleException("part " + name
        + " is not in " + BundleManifest.PATH + ": refused (the bundle was changed after it was"
        + " made)"));
    if (!seen.add(name)) {
      throw new BundleException("part " + name + " is in the bundle twice: refused");
    }
    if (entry.getSize() != part.size()) {
      throw new BundleException("part " + name + " is " + entry.getSize() + " bytes, "
          + BundleManifest.PATH + " says " + part.size() + ": the bundle was changed or damaged"
          + " after it was made; copy it again");
    }
    return part;
  }

  /**
   * A regular file's header: {@link TarArchiveEntry#isFile()} is true for links and devices too
   * (whatever is neither a directory nor named like one), and a sparse file's bytes are not its
   * content.
   */
  private static boolean plainFile(TarArchiveEntry entry) {
    byte flag = entry.getLinkFlag();
    return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM)
        && !entry.isSparse();
  }

  private static void drain(InputStream content, BundlePart part, ByteArrayOutputStream keep,
      TransferListener listener) throws BundleException {
    byte[] buffer = new byte[BUFFER];
    long done = 0;
    String step = "verify " + part.path();
    try {
      int n;
      while ((n = content.read(buffer)) >= 0) {
        if (keep != null) {
          keep.write(buffer, 0, n);
        }
        done += n;
        listener.progress(step, done, part.size());
      }
    } catch (IOException e) {
      throw truncated(part.path(), e);
    }
  }

  private static void compare(BundlePart part, PartDigest digest) throws BundleException {
    if (digest.size() != part.size()) {
      throw truncated(part.path(), null);
    }
    String actual = digest.hex();
    if (!actual.equals(part.sha256())) {
      throw new BundleException("part " + part.path() + " does not match its SHA-256 in "
          + BundleManifest.PATH + " (" + part.sha256().substring(0, 12) + "..., the file has "
          + actual.substring(0, 12) + "...): the bundle was changed or damaged after it was"
          + " made; copy it again from the vendor's file");
    }
  }

  private static BundleException truncated(String part, IOException cause) {
    return new BundleException("part " + part + " ends early: the bundle is truncated"
        + (cause == null ? "" : " (" + cause.getMessage() + ")")
        + "; copy it again from the vendor's file");
  }

  private static String lastOf(Set<String> seen) {
    return seen.isEmpty() ? BundleManifest.PATH : "part " + seen.size() + " of the manifest";
  }
}
