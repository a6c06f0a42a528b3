package dev.tugboat.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read from the class path under {@code dev/tugboat/api/dashboard/}. A path
 * that tries to leave that folder is not found.
 */
final class StaticFiles {

  private static final String ROOT = "dev/tugboat/api/dashboard/";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "json", "application/json");

  /** A file's bytes and content type. */
  record File(byte[] body, String contentType) {}

  private final ClassLoader loader;

  StaticFiles(ClassLoader loader) {
    this.loader = loader;
  }

  /** The file at {@code relative} (e.g. {@code index.html}, {@code js/app.js}), if there is one. */
  Optional<File> find(String relative) {
    if (relative.isEmpty() || relative.contains("..") || relative.startsWith("/")
        || relative.contains("\\") || relative.endsWith("/")) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new File(in.readAllBytes(), contentType(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard file " + ROOT + relative, e);
    }
  }

  private static String contentType(String path) {
    int dot = path.lastIndexOf('.');
    String extension = dot < 0 ? "" : path.substring(dot + 1);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
