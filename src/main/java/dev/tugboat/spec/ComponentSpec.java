package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/**
 * A component: containers that always run on the same host. Keys that only matter with more than one
 * host ({@code cluster}, {@code cluster_host_count}, {@code host_requirements}) are kept as plain data in {@code multiHostOptions}.
 */
public record ComponentSpec(
    String name,
    List<String> tags,
    List<String> conflicts,
    LogsSpec logs,
    LogConfigSpec logConfig,
    List<HostVolumeSpec> hostVolumes,
    List<ContainerSpec> containers,
    Map<String, Object> multiHostOptions) {

  public ComponentSpec {
    tags = List.copyOf(tags);
    conflicts = List.copyOf(conflicts);
    java.util.Objects.requireNonNull(logConfig, "logConfig");
    hostVolumes = List.copyOf(hostVolumes);
    containers = List.copyOf(containers);
    multiHostOptions = RawValues.immutableMap(multiHostOptions);
  }
}
