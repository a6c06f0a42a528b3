package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.LogLimits;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps resource limits, log rotation and the restart policy; 0 leaves the engine's default. */
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
    if (!c.logLimits().isEngineDefault()) {
      h.withLogConfig(logConfig(c.logLimits()));
    }
  }

  /** max-size and max-file are options of the json-file driver, so they select it. */
  static LogConfig logConfig(LogLimits limits) {
    Map<String, String> options = new LinkedHashMap<>();
    if (!limits.maxSize().isEmpty()) {
      options.put("max-size", limits.maxSize());
    }
    if (limits.maxFiles() > 0) {
      options.put("max-file", Integer.toString(limits.maxFiles()));
    }
    return new LogConfig(LogConfig.LoggingType.JSON_FILE, options);
  }
}
