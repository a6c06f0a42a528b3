package dev.tugboat.bundle;

import java.nio.file.Path;

/**
 * A bundle whose every part matched its manifest when it was read: the file, the manifest and
 * the spec's bytes (small; the images stay in the file until they are loaded).
 */
public record VerifiedBundle(Path file, BundleManifest manifest, byte[] spec) {

  /** {@code app version}, as messages name it. */
  public String label() {
    return manifest.app() + " " + manifest.version();
  }
}
