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
        archive.load(content, part.size(),
            done -> listener.progress(step, done, part.size()));
        content.transferTo(java.io.OutputStream.nullOutputStream());
        if (digest.size() != part.size() || !digest.hex().equals(part.sha256())) {
          throw new BundleException("part " + part.path() + " changed after the bundle was"
              + " verified; its images may be loaded: verify and load the bundle again");
        }
        loaded.addAll(part.images());
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + bundle.file() + ": " + e.getMessage());
    }
    return loaded;
  }
}
