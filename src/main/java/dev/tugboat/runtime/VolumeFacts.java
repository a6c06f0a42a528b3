package dev.tugboat.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * What a named volume is made with, so an emptied volume is made again the same: its driver, its
 * labels and the driver's options. {@code mountpoint} is where the engine keeps it on its host.
 */
public record VolumeFacts(String name, String driver, Map<String, String> labels,
    Map<String, String> options, String mountpoint) {

  public VolumeFacts {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    labels = Values.sortedCopy(labels);
    options = Values.sortedCopy(options);
    Objects.requireNonNull(mountpoint, "mountpoint");
  }
}
