package dev.tugboat.runtime;

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
 */
public record EngineResources(int cpus, long memoryBytes, String serverVersion, String rootDir) {
  public EngineResources {
    Objects.requireNonNull(serverVersion, "serverVersion");
    Objects.requireNonNull(rootDir, "rootDir");
  }
}
