package dev.tugboat.runtime;

import java.util.Objects;

/** A container as the engine knows it: its id, or a name, which the engine accepts in its place. */
public record ContainerId(String value) {
  public ContainerId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a container id must not be blank");
    }
  }

  public static ContainerId of(String value) {
    return new ContainerId(value);
  }

  /** The first 12 characters, as {@code docker ps} shows an id. */
  public String shortForm() {
    return value.length() > 12 ? value.substring(0, 12) : value;
  }

  @Override
  public String toString() {
    return value;
  }
}
