package dev.tugboat.runtime;

import java.util.Objects;

/**
 * A host directory the container's component declares ({@code host_volumes}): made, with its mode
 * and owner, before the container is created, whether or not the container mounts it.
 *
 * @param path absolute path on the engine's host
 * @param access the mode and owner it is given; {@link HostPathAccess#NONE}: only made when missing
 */
public record HostDirectory(String path, HostPathAccess access) {
  public HostDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a host directory needs an absolute path, got " + path);
    }
  }
}
