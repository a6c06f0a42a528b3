package dev.tugboat.bundle;

import dev.tugboat.runtime.ImageArchive;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Loads the images of a {@link VerifiedBundle} into the engine, one part at a time, streamed from
 * the file (never held whole). Each part is hashed again as it is loaded: a file changed since it
 * was verified is reported (its image may then be loaded already; its name says which).
 */
public final class BundleLoader {

  private static final String LOADED_IMAGE = "Loaded image: ";

  private final ImageArchive archive;

  public BundleLoader(ImageArchive archive) {
    this.archive = archive;
  }

  /**
   * @return the images loaded, as the manifest names them
   * @throws BundleException when a part cannot be read or changed since it was verified
   * @throws RuntimeFailure when the engine refuses an image or does not answer
   */
  public List<String> load(VerifiedBundle bundle, TransferListener listener)
      throws BundleException {
    CarriedImages.requireRunBySpec(bundle.manifest(), bundle.spec(), true);
    List<String> loaded = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new BufferedInputStream(Files.newInputStream(bundle.file()), 64 * 1024))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        BundlePart part = bundle.manifest().part(entry.getName()).orElse(null);
        if (part == null || part.kind() != PartKind.IMAGE) {
          continue;
        }
        PartDigest digest = new PartDigest();
        InputStream content = digest.reading(tar);
        String step = "load " + String.join(", ", part.images());
        List<String> said = archive.load(content, part.size(),
            done -> listener.progress(step, done, part.size()));
        content.transferTo(java.io.OutputStream.nullOutputStream());
        if (digest.size() != part.size() || !digest.hex().equals(part.sha256())) {
          throw new BundleException("part " + part.path() + " changed after the bundle was"
              + " verified; its images may be loaded: verify and load the bundle again");
        }
        requireLoadedAsDeclared(part, said);
        loaded.addAll(part.images());
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + bundle.file() + ": " + e.getMessage());
    }
    return loaded;
  }

  /**
   * What the engine says it tagged must be what the manifest declares (verification checked the
   * archive's own names; an engine may read another of its files): an image loaded by ID only,
   * or under another name, is reported.
   */
  private static void requireLoadedAsDeclared(BundlePart part, List<String> said)
      throws BundleException {
    java.util.Set<String> tagged = new java.util.HashSet<>();
    for (String line : said) {
      if (line.startsWith(LOADED_IMAGE)) {
        tagged.add(ImageNames.canonical(line.substring(LOADED_IMAGE.length())));
      }
    }
    java.util.Set<String> declared = new java.util.HashSet<>();
    part.images().forEach(image -> declared.add(ImageNames.canonical(image)));
    if (!tagged.equals(declared)) {
      throw new BundleException("part " + part.path() + " was loaded, but the engine did not"
          + " tag it as " + String.join(", ", part.images()) + " (it said: "
          + (said.isEmpty() ? "nothing" : String.join("; ", said)) + "); its images may be"
          + " loaded under other names: check docker images, and load the bundle the vendor"
          + " made");
    }
  }
}
