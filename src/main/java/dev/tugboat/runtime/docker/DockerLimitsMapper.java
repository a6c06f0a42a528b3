package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.RuntimeFailure;

/** Maps resource limits and the log driver; 0 or none leaves the engine's default. */
final class DockerLimitsMapper {
  private DockerLimitsMapper() {}

  static void apply(ContainerConfig c, HostConfig h) {
    if (c.cpuShares() > 0) {
      if (c.cpuShares() > Integer.MAX_VALUE) {
        throw RuntimeFailure.invalidConfig(c.displayName(),
            "cpu_shares " + c.cpuShares() + " is too large (the default weight is 1024)");
      }
      h.withCpuShares((int) c.cpuShares());
    }
    if (c.memoryBytes() > 0) {
      h.withMemory(c.memoryBytes());
    }
    if (c.memorySwapBytes() != 0) {
      h.withMemorySwap(c.memorySwapBytes());
    }
    if (c.shmSizeBytes() > 0) {
      h.withShmSize(c.shmSizeBytes());
    }
    if (!c.logging().isEngineDefault()) {
      h.withLogConfig(new EngineLogConfig(c.logging()));
    }
  }
}
