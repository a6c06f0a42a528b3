package dev.tugboat.runtime;

import java.util.Map;
import java.util.Objects;

/** The container an event is about, as the event names it (labels included). */
public record EventContainer(ContainerId id, String name, String image, Map<String, String> labels) {
  public EventContainer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    labels = Values.sortedCopy(labels);
  }
}
