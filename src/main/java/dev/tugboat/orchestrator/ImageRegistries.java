package dev.tugboat.orchestrator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registries configured per image source. {@code public} (or no source) never has one: its
 * images are pulled anonymously from wherever their name points, as {@code docker pull} does.
 */
public record ImageRegistries(Map<String, ImageRegistry> bySource) {

  public ImageRegistries {
    bySource = Map.copyOf(bySource);
  }

  public static ImageRegistries none() {
    return new ImageRegistries(Map.of());
  }

  /** The registry of {@code source}, if one is configured for it. */
  public Optional<ImageRegistry> forSource(String source) {
    if (source.isEmpty() || source.equals("public")) {
      return Optional.empty();
    }
    return Optional.ofNullable(bySource.get(source));
  }

  /** These, with {@code registry} in place of any registry for the same source. */
  public ImageRegistries with(ImageRegistry registry) {
    Map<String, ImageRegistry> all = new LinkedHashMap<>(bySource);
    all.put(registry.name(), registry);
    return new ImageRegistries(all);
  }

  /** Each source's address, as image references are made from them ({@link ImageReference}). */
  public Map<String, String> addresses() {
    Map<String, String> addresses = new LinkedHashMap<>();
    bySource.forEach((source, registry) -> addresses.put(source, registry.address()));
    return addresses;
  }
}
