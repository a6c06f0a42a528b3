package dev.tugboat.spec;

/**
 * A component's {@code host_volumes} entry, as written (templates unrendered): a host directory its
 * containers use, made with {@code permission} and {@code owner} before they start, with the free
 * space it must have, and whether snapshots leave it out.
 */
public record HostVolumeSpec(
    String hostPath,
    String owner,
    String permission,
    boolean isEphemeral,
    boolean isExcludedFromBackup,
    String minDiskSpace) {

  /** Replicated left ephemeral and excluded volumes out of its snapshots alike. */
  public boolean isLeftOutOfSnapshots() {
    return isEphemeral || isExcludedFromBackup;
  }
}
