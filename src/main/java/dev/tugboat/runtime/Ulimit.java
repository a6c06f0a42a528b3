package dev.tugboat.runtime;

import java.util.Objects;

/** A resource limit of the container's processes, e.g. {@code nofile} 1024/4096. */
public record Ulimit(String name, long soft, long hard) {
  public Ulimit {
    Objects.requireNonNull(name, "name");
    if (soft > hard) {
      throw new IllegalArgumentException(
          "ulimit " + name + ": soft limit " + soft + " is above hard limit " + hard);
    }
  }
}
