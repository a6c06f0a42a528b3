package dev.tugboat.runtime;

import java.util.Objects;

/** A file system mounted into a container: a host directory or a named volume. */
public sealed interface Mount {
  String containerPath();

  boolean readOnly();

  /**
   * A host path (absolute) mounted at {@code containerPath}; {@code access} is the mode and owner
   * it gets first ({@link HostPathAccess#NONE}: as it is, or as the engine makes it).
   */
  record Bind(String hostPath, String containerPath, boolean readOnly, HostPathAccess access)
      implements Mount {
    public Bind {
      Objects.requireNonNull(hostPath, "hostPath");
      Objects.requireNonNull(containerPath, "containerPath");
      Objects.requireNonNull(access, "access");
      if (!hostPath.startsWith("/")) {
        throw new IllegalArgumentException(
            "bind mount host path must be absolute, got \"" + hostPath + "\"");
      }
    }

    public Bind(String hostPath, String containerPath, boolean readOnly) {
      this(hostPath, containerPath, readOnly, HostPathAccess.NONE);
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
