package dev.tugboat.orchestrator;

import dev.tugboat.spec.ContainerSpec;
import java.util.Map;

/**
 * The image reference of a container: {@code image_name:version} for {@code public}; for {@code
 * replicated} and named sources, {@code <registry address>/<image_name>:<version>} with the
 * registry configured for that source, or {@code image_name:version} when none is configured (the
 * image was loaded with {@code docker load}).
 */
public final class ImageReference {

  private ImageReference() {}

  public static String of(ContainerSpec container, Map<String, String> registries) {
    String local = container.imageName() + (container.version().isEmpty() ? "" : ":"
        + container.version());
    if (container.source().isEmpty() || container.source().equals("public")) {
      return local;
    }
    String registry = registries.getOrDefault(container.source(), "");
    if (registry.isEmpty()) {
      return local;
    }
    return stripSlash(registry) + "/" + local;
  }

  private static String stripSlash(String address) {
    String bare = address.replaceFirst("^https?://", "");
    return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
  }
}
