package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the containers of a spec: {@code component/image_name}, or {@code component/name} where two
 * containers of one component share an image. Resolves the names events and templates use, which
 * may give either, as Replicated does.
 */
public final class ContainerKeys {

  private final AppSpec spec;
  private final Map<ContainerKey, ContainerSpec> byKey = new LinkedHashMap<>();

  public ContainerKeys(AppSpec spec) {
    this.spec = spec;
    spec.components().forEach(component -> component.containers().forEach(container -> {
      long sameImage = component.containers().stream()
          .filter(c -> c.imageName().equals(container.imageName())).count();
      String name = sameImage > 1 && !container.name().isEmpty()
          ? container.name() : container.imageName();
      byKey.putIfAbsent(new ContainerKey(component.name(), name), container);
    }));
  }

  public List<ContainerKey> keys() {
    return List.copyOf(byKey.keySet());
  }

  /** The spec of {@code key}'s container ({@code key} may name one of its instances). */
  public ContainerSpec spec(ContainerKey key) {
    ContainerSpec container = byKey.get(key.whole());
    if (container == null) {
      throw new IllegalArgumentException(key + " is not a container of the spec");
    }
    return container;
  }

  /** The key of {@code container} as it appears in the spec. */
  public ContainerKey keyOf(ContainerSpec container) {
    return byKey.entrySet().stream()
        .filter(e -> e.getValue() == container)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a container of this spec"));
  }

  /** What a subscription or template names: its component and its image_name or name. */
  public Optional<ContainerKey> resolve(String component, String container) {
    return spec.container(new dev.tugboat.spec.ContainerRef(component, container))
        .map(this::keyOf);
  }

  /** The spec's index path of a container's component: {@code components[1]}. */
  public String componentPath(ContainerKey key) {
    String path = path(key);
    return path.substring(0, path.indexOf(".containers["));
  }

  /** The spec's index path of a container, for field paths in messages. */
  public String path(ContainerKey key) {
    ContainerSpec target = spec(key);
    for (int c = 0; c < spec.components().size(); c++) {
      List<ContainerSpec> containers = spec.components().get(c).containers();
      for (int i = 0; i < containers.size(); i++) {
        if (containers.get(i) == target) {
          return "components[" + c + "].containers[" + i + "]";
        }
      }
    }
    throw new IllegalArgumentException(key + " is not a container of the spec");
  }
}
