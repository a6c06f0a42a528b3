package dev.tugboat.spec;

import java.util.List;
import java.util.Set;

/** Reads a {@code components} entry. */
final class ComponentReader {
  private static final List<String> MULTI_HOST_KEYS =
      List.of("cluster", "cluster_host_count", "host_requirements");
  static final Set<String> KEYS = YamlFields.keys(List.of("name", "tags", "conflicts", "logs",
      "log_config", "host_volumes", "containers"), MULTI_HOST_KEYS);
  static final Set<String> HOST_VOLUME_KEYS = Set.of("host_path", "owner", "permission",
      "is_ephemeral", "is_excluded_from_backup", "min_disk_space");


  private ComponentReader() {}

  static ComponentSpec component(YamlFields fields, ContainerReader containers) {
    String name = fields.string("name");
    return new ComponentSpec(
        name,
        fields.strings("tags"),
        fields.strings("conflicts"),
        ContainerReader.logs(fields),
        ContainerReader.logConfig(fields),
        fields.list("host_volumes", HOST_VOLUME_KEYS, (volume, i) -> new HostVolumeSpec(
            volume.string("host_path"), volume.string("owner"), volume.string("permission"),
            volume.bool("is_ephemeral"), volume.bool("is_excluded_from_backup"),
            volume.string("min_disk_space"))),
        fields.list("containers", ContainerReader.KEYS,
            (container, i) -> containers.container(container, name)),
        fields.rawOf(MULTI_HOST_KEYS));
  }
}
