package dev.tugboat.bundle;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.util.Set;

/**
 * A bundle brings its app's images and only those: an image no container of its spec runs would
 * only replace an image of the same name on the host.
 */
final class CarriedImages {

  private CarriedImages() {}

  /**
   * @param unreadableRefused whether a spec that cannot be read is refused (else the check is
   *     left to whoever reads it: the daemon validates it and says where it is wrong)
   * @throws BundleException naming the part and the image
   */
  static void requireRunBySpec(BundleManifest manifest, byte[] spec, boolean unreadableRefused)
      throws BundleException {
    AppSpec app;
    try {
      app = new SpecLoader().load(spec, manifest.spec().path()).spec();
    } catch (SpecLoadException e) {
      if (!unreadableRefused) {
        return;
      }
      throw new BundleException("part " + manifest.spec().path() + " cannot be read as a spec ("
          + e.getMessage() + "), so which images it runs is unknown: refused");
    }
    Set<String> run = BundleVerifier.canonical(SpecImages.of(app).images().stream()
        .map(SpecImages.SpecImage::image).toList());
    for (BundlePart part : manifest.images()) {
      for (String image : part.images()) {
        if (!run.contains(ImageNames.canonical(image))) {
          throw new BundleException("part " + part.path() + " carries image '" + image
              + "', which no container of the bundle's spec runs: refused (a bundle brings only"
              + " its app's images)");
        }
      }
    }
  }
}
