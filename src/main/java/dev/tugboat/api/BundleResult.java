package dev.tugboat.api;

import java.util.List;

/**
 * The answer to an uploaded bundle: the app and version it carries, the Tugboat that made it,
 * the images it carries and whether they were loaded ({@code false} for a dry run), what
 * happened, and the apply of its spec (its diff for a dry run; null when only loaded).
 */
public record BundleResult(String app, String version, String tugboatVersion,
    List<String> images, boolean loaded, String message, ApplyResult apply) {

  public BundleResult {
    images = List.copyOf(images);
  }
}
