package dev.tugboat.api;

import java.time.Instant;
import java.util.List;

/**
 * One snapshot of the app's data as the API lists it: when and why it was taken ({@code cause}
 * {@code apply} or {@code operator}), the app and version whose data it holds, how long it took
 * and how many bytes its archives take, and each piece of data.
 */
public record SnapshotInfo(String id, Instant created, String cause, String reason, String app,
    String version, double seconds, long bytes, List<Volume> volumes) {

  public SnapshotInfo {
    volumes = List.copyOf(volumes);
  }

  /** A named volume or host directory: its archive's size and SHA-256, its top's owner and mode. */
  public record Volume(String name, String kind, String path, long archiveBytes, String sha256,
      String owner, String mode) {}
}
