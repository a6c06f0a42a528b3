package dev.tugboat.spec;

import java.util.List;

/**
 * A {@code volumes} entry. A {@code container_path} written {@code /data:rw} is split: {@code
 * containerPath} is {@code /data}, and {@code rw} joins {@code options}.
 */
public record VolumeSpec(
    String hostPath,
    String containerPath,
    List<String> options,
    String permission,
    String owner,
    boolean isEphemeral,
    boolean isExcludedFromBackup,
    String when) {

  public VolumeSpec {
    options = List.copyOf(options);
  }

  /** An absolute host path is a bind mount; a bare name is a named Docker volume. */
  public boolean isBindMount() {
    return hostPath.startsWith("/");
  }
}
