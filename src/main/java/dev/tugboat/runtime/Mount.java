package dev.tugboat.runtime;

import java.util.Objects;

/** A file system mounted into a container: a host directory or a named volume. */
public sealed interface Mount {
  String containerPath();

  boolean readOnly();

  /** A host path (absolute) mounted at {@code containerPath}. */
  record Bind(String hostPath, String containerPath, boolean readOnly) implements Mount {
    public Bind {
      Objects.requireNonNull(hostPath, "hostPath");
      Objects.requireNonNull(containerPath, "containerPath");
      if (!hostPath.startsWith("/")) {
        throw new IllegalArgumentException(
            "bind mount host path must be absolute, got \"" + hostPath + "\"");
      }
    }
  }

  /** A named volume, created by the engine on first use, mounted at {@code containerPath}. */
  record Volume(String volumeName, String containerPath, boolean readOnly) implements Mount {
    public Volume {
      Objects.requireNonNull(volumeName, "volumeName");
      Objects.requireNonNull(containerPath, "containerPath");
      if (volumeName.isBlank() || volumeName.contains("/")) {
        throw new IllegalArgumentException(
            "volume name must be a bare name, got \"" + volumeName + "\"");
      }
    }
  }
}
