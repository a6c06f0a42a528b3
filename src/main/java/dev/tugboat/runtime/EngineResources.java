package dev.tugboat.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What the engine reports of its host, for host requirements: CPUs and memory as the engine sees
 * them (a limit on the engine's cgroup shows here, not the machine's total), its version, and the
 * directory where it keeps images, containers and volumes.
 *
 * @param cpus the engine's {@code NCPU}
 * @param memoryBytes the engine's {@code MemTotal}
 * @param serverVersion the engine's version ({@code 24.0.7})
 * @param rootDir the engine's {@code DockerRootDir} ({@code /var/lib/docker})
 * @param logDrivers the log drivers it has, built in and of enabled plugins ({@code Plugins.Log};
 *     a plugin's with its tag: {@code loki:latest})
 */
public record EngineResources(int cpus, long memoryBytes, String serverVersion, String rootDir,
    List<String> logDrivers) {
  public EngineResources {
    Objects.requireNonNull(serverVersion, "serverVersion");
    Objects.requireNonNull(rootDir, "rootDir");
    logDrivers = List.copyOf(logDrivers);
  }

  /**
   * Whether a container may log with {@code driver}: one the engine lists, a plugin's named
   * without its tag ({@code loki} for {@code loki:latest}), or {@code none}, which the engine has
   * always and does not list.
   */
  public boolean hasLogDriver(String driver) {
    return driver.equals("none") || logDrivers.stream().anyMatch(listed -> listed.equals(driver)
        || listed.equals(driver + ":latest") || driver.equals(listed + ":latest"));
  }
}
