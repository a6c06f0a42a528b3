package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.Locale;

/**
 * Readable instance names: {@code tugboat-<app>-<component>-<image>-<n>}, reduced to what Docker
 * accepts ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}), unless the spec fixes a {@code name}.
 */
public final class InstanceNames {

  private InstanceNames() {}

  public static String of(String app, ContainerKey key, String imageName, int instance) {
    return "tugboat-" + part(app) + "-" + part(key.component()) + "-" + part(lastSegment(imageName))
        + "-" + instance;
  }

  private static String lastSegment(String imageName) {
    return imageName.substring(imageName.lastIndexOf('/') + 1);
  }

  public static String part(String text) {
    String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-")
        .replaceAll("^-+|-+$", "");
    return cleaned.isEmpty() ? "x" : cleaned;
  }
}
