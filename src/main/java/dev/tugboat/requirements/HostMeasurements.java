package dev.tugboat.requirements;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the host has, as measured for host requirements; an empty value could not be measured
 * ({@code unmeasured} says why, by requirement key).
 *
 * @param dataDir the engine's data directory (DockerRootDir), whose free space {@code disk_space}
 *     and {@code docker_space} are checked against
 */
public record HostMeasurements(Optional<String> dockerVersion, OptionalInt cpuCores,
    OptionalDouble cpuMhz, OptionalLong memoryBytes, String dataDir, OptionalLong dataDirFreeBytes,
    java.util.Map<String, String> unmeasured) {

  public HostMeasurements {
    unmeasured = java.util.Map.copyOf(unmeasured);
  }

  public String whyUnmeasured(String key) {
    return unmeasured.getOrDefault(key, "could not be measured on this host");
  }
}
