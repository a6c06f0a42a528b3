package dev.tugboat.spec;

import java.util.List;
import java.util.Set;

/** Reads a {@code components} entry. */
final class ComponentReader {
  private static final List<String> MULTI_HOST_KEYS =
      List.of("cluster", "cluster_host_count", "host_requirements", "host_volumes");
  static final Set<String> KEYS = YamlFields.keys(
      List.of("name", "tags", "conflicts", "logs", "log_config", "containers"), MULTI_HOST_KEYS);


  private ComponentReader() {}

  static ComponentSpec component(YamlFields fields, ContainerReader containers) {
    String name = fields.string("name");
    return new ComponentSpec(
        name,
        fields.strings("tags"),
        fields.strings("conflicts"),
        ContainerReader.logs(fields),
        ContainerReader.logConfig(fields),
        fields.list("containers", ContainerReader.KEYS,
            (container, i) -> containers.container(container, name)),
        fields.rawOf(MULTI_HOST_KEYS));
  }
}
