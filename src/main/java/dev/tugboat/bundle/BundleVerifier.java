package dev.tugboat.bundle;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * file, of the listed size and SHA-256, and present; nothing else is in it. Each image part is a
 * {@code docker save} archive that tags exactly the images the manifest lists for it, and each
 * of those is one the bundle's spec runs. Reads the whole file
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
        PartReader content = new PartReader(digest.reading(tar), part, listener);
        byte[] specBytes = null;
        SavedImageTags tags = null;
        String notAnImage = null;
        try {
          if (part.kind() == PartKind.SPEC) {
            // at most BundleManifest.MAX_SPEC_BYTES: the manifest and the entry's size said so
            specBytes = content.readAllBytes();
          } else {
            try {
              tags = SavedImageTags.read(content);
            } catch (SavedImageTags.NotAnImageArchive e) {
              notAnImage = e.getMessage();
            } catch (IOException e) {
              if (content.failure != null) {
                throw e;
              }
              notAnImage = "it is not a tar archive (" + e.getMessage() + ")";
            }
          }
          content.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          throw truncated(part.path(), e);
        }
        compare(part, digest);
        if (part.kind() == PartKind.SPEC) {
          spec = specBytes;
        } else {
          requireNames(part, tags, notAnImage);
        }
      }
      List<String> missing = manifest.parts().stream().map(BundlePart::path)
          .filter(path -> !seen.contains(path)).toList();
      if (!missing.isEmpty()) {
        throw new BundleException("part " + missing.get(0) + " is missing"
            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
            + ": the bundle is truncated or incomplete; copy it again from the vendor's file");
      }
      // a spec that does not load is refused where it is used, and BundleLoader loads nothing then
      CarriedImages.requireRunBySpec(manifest, spec, false);
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

  /**
   * {@code docker load} tags an image as its archive says, whatever the manifest declares: an
   * archive naming another image would overwrite that image on this host.
   */
  private static void requireNames(BundlePart part, SavedImageTags tags, String notAnImage)
      throws BundleException {
    if (notAnImage != null) {
      throw new BundleException("part " + part.path() + " is not an image archive as docker save"
          + " writes it: " + notAnImage + "; refused");
    }
    Set<String> declared = canonical(part.images());
    for (String name : tags.all()) {
      if (!declared.contains(ImageNames.canonical(name))) {
        throw new BundleException("part " + part.path() + " would tag image '" + name + "',"
            + " which " + BundleManifest.PATH + " does not list for it (it lists "
            + String.join(", ", part.images()) + "): refused, loading it would replace that"
            + " image on this host");
      }
    }
    Set<String> tagged = canonical(tags.repoTags());
    for (String image : part.images()) {
      if (!tagged.contains(ImageNames.canonical(image))) {
        throw new BundleException("part " + part.path() + " does not tag image '" + image
            + "', as " + BundleManifest.PATH + " says it does (it tags "
            + (tags.repoTags().isEmpty() ? "nothing" : String.join(", ", tags.repoTags()))
            + "): refused; the bundle was changed after it was made");
      }
    }
  }

  static Set<String> canonical(List<String> images) {
    Set<String> names = new HashSet<>();
    images.forEach(image -> names.add(ImageNames.canonical(image)));
    return names;
  }

  /**
   * A part's bytes as the archive gives them: through its digest (skips too, which the tar reader
   * of an image part makes), with progress, and the archive's own failure kept apart from a
   * part that is no image archive.
   */
  private static final class PartReader extends FilterInputStream {
    private final BundlePart part;
    private final TransferListener listener;
    private final String step;
    private long done;
    private IOException failure;

    PartReader(InputStream in, BundlePart part, TransferListener listener) {
      super(in);
      this.part = part;
      this.listener = listener;
      this.step = "verify " + part.path();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
      if (n > 0) {
        done += n;
        listener.progress(step, done, part.size());
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // the archive's stream goes on to the next part
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
