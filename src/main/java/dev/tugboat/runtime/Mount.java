package dev.tugboat.runtime;

import java.util.Objects;

/** A file system mounted into a container: a host directory or a named volume. */
public sealed interface Mount {
  String containerPath();

  boolean readOnly();

  Relabel relabel();

  /**
   * A host path (absolute) mounted at {@code containerPath}; {@code access} is the mode and owner
   * it gets first ({@link HostPathAccess#NONE}: as it is, or as the engine makes it).
   */
  record Bind(String hostPath, String containerPath, boolean readOnly, HostPathAccess access,
      Relabel relabel, Propagation propagation) implements Mount {
    public Bind {
      Objects.requireNonNull(hostPath, "hostPath");
      Objects.requireNonNull(containerPath, "containerPath");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(relabel, "relabel");
      Objects.requireNonNull(propagation, "propagation");
      if (!hostPath.startsWith("/")) {
        throw new IllegalArgumentException(
            "bind mount host path must be absolute, got \"" + hostPath + "\"");
      }
    }

    public Bind(String hostPath, String containerPath, boolean readOnly, HostPathAccess access) {
      this(hostPath, containerPath, readOnly, access, Relabel.NONE, Propagation.DEFAULT);
    }

    public Bind(String hostPath, String containerPath, boolean readOnly) {
      this(hostPath, containerPath, readOnly, HostPathAccess.NONE);
    }
  }

  /**
   * A named volume, created by the engine on first use, mounted at {@code containerPath}. The
   * engine fills a new, empty volume with what the image holds at {@code containerPath}, unless
   * {@code noCopy}.
   */
  record Volume(String volumeName, String containerPath, boolean readOnly, Relabel relabel,
      boolean noCopy) implements Mount {
    public Volume {
      Objects.requireNonNull(volumeName, "volumeName");
      Objects.requireNonNull(containerPath, "containerPath");
      Objects.requireNonNull(relabel, "relabel");
      if (volumeName.isBlank() || volumeName.contains("/")) {
        throw new IllegalArgumentException(
            "volume name must be a bare name, got \"" + volumeName + "\"");
      }
    }

    public Volume(String volumeName, String containerPath, boolean readOnly) {
      this(volumeName, containerPath, readOnly, Relabel.NONE, false);
    }
  }
}
