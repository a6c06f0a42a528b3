package dev.tugboat.requirements;

import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.EngineResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Measures the host for host requirements: CPUs, memory, version and data directory from the
 * Docker Engine (what containers get, which a cgroup limit on the engine makes less than the
 * machine has), CPU speed from {@code /proc/cpuinfo}, and free space with the JDK. Free space can
 * only be measured where the engine's data directory is on this machine (a local engine).
 */
public final class HostMeasurer {
  private final ContainerRuntime runtime;
  private final Path cpuinfo;

  public HostMeasurer(ContainerRuntime runtime, Path cpuinfo) {
    this.runtime = runtime;
    this.cpuinfo = cpuinfo;
  }

  public static HostMeasurer ofThisMachine(ContainerRuntime runtime) {
    return new HostMeasurer(runtime, Path.of("/proc/cpuinfo"));
  }

  /** Throws the runtime's failure when the engine does not answer: nothing can be judged then. */
  public HostMeasurements measure() {
    EngineResources engine = runtime.engineResources();
    Map<String, String> why = new HashMap<>();
    OptionalLong free = freeSpace(engine.rootDir(), why);
    OptionalDouble mhz = cpuMhz(why);
    return new HostMeasurements(
        Optional.of(engine.serverVersion()).filter(v -> !v.isBlank()),
        engine.cpus() > 0 ? OptionalInt.of(engine.cpus()) : OptionalInt.empty(),
        mhz,
        engine.memoryBytes() > 0 ? OptionalLong.of(engine.memoryBytes()) : OptionalLong.empty(),
        engine.rootDir(), free, why);
  }

  private static OptionalLong freeSpace(String rootDir, Map<String, String> why) {
    String reason;
    if (rootDir.isBlank()) {
      reason = "the Docker Engine did not tell its data directory";
    } else if (!Files.isDirectory(Path.of(rootDir))) {
      reason = "the Docker Engine's data directory " + rootDir + " is not on this machine"
          + " (a remote engine?): its free space cannot be measured from here";
    } else {
      try {
        return OptionalLong.of(Files.getFileStore(Path.of(rootDir)).getUsableSpace());
      } catch (IOException | SecurityException e) {
        reason = "cannot read the free space of " + rootDir + ": " + e.getMessage();
      }
    }
    why.put("disk_space", reason);
    why.put("docker_space", reason);
    return OptionalLong.empty();
  }

  /** The fastest core's current speed, as {@code cpu MHz} lines of /proc/cpuinfo tell it. */
  private OptionalDouble cpuMhz(Map<String, String> why) {
    try {
      List<String> lines = Files.readAllLines(cpuinfo);
      OptionalDouble max = lines.stream()
          .filter(line -> line.startsWith("cpu MHz"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .filter(v -> v.matches("\\d+(\\.\\d+)?"))
          .mapToDouble(Double::parseDouble).max();
      if (max.isEmpty()) {
        why.put("cpu_mhz", cpuinfo + " tells no CPU speed (usual on ARM and some virtual machines)");
      }
      return max;
    } catch (IOException e) {
      why.put("cpu_mhz", "cannot read " + cpuinfo + ": " + e.getMessage());
      return OptionalDouble.empty();
    }
  }
}
