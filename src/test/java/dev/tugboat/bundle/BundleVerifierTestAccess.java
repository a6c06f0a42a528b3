package dev.tugboat.bundle;

import java.nio.file.Path;
import java.util.Optional;

/** The manifest of a bundle file, read as verification reads it. */
final class BundleVerifierTestAccess {

  private BundleVerifierTestAccess() {}

  static BundleManifest manifestOf(Path bundle) throws BundleException {
    return new BundleVerifier("test").verify(bundle, Optional.empty(), TransferListener.NONE)
        .manifest();
  }
}
