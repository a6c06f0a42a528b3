package dev.tugboat.events;

import java.util.Objects;

/**
 * Identifies a container of the spec within a run: its component and its name there ({@code
 * image_name}, or {@code name} where the spec sets one). Printed as {@code component/container}, the
 * form events, status and the journal use.
 */
public record ContainerKey(String component, String container) implements Comparable<ContainerKey> {

  public ContainerKey {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(container, "container");
  }

  /** Parses {@code component/container}. */
  public static ContainerKey parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException(
          "expected component/container, got \"" + text + "\"");
    }
    return new ContainerKey(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public int compareTo(ContainerKey other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return component + "/" + container;
  }
}
