package dev.tugboat.bundle;

import java.util.List;
import java.util.Objects;

/**
 * One file in a bundle, as the manifest describes it.
 *
 * @param path where it is in the archive ({@code spec.yml}, {@code images/01-busybox_1.tar})
 * @param images the image references an image part holds; empty for the spec
 * @param sha256 lower-case hex digest of its bytes
 */
public record BundlePart(String path, PartKind kind, List<String> images, long size,
    String sha256) {

  public BundlePart {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    images = List.copyOf(images);
    Objects.requireNonNull(sha256, "sha256");
  }
}
