package dev.tugboat.runtime;

import java.util.Map;

/** One line of a container listing; {@link ContainerRuntime#inspect} tells the rest. */
public record ContainerSummary(
    ContainerId id, String name, String image, Map<String, String> labels, ContainerState state) {
  public ContainerSummary {
    labels = Values.sortedCopy(labels);
  }
}
