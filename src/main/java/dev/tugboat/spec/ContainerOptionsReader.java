package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the container keys that are passed to the engine as they are. */
final class ContainerOptionsReader {
  static final Set<String> KEYS = Set.of("privileged", "network_mode", "cpu_shares", "memory_limit",
      "memory_swap_limit", "ulimits", "allocate_tty", "security_cap_add", "security_options",
      "hostname", "extra_hosts", "pid_mode", "shm_size", "labels", "stop_timeout", "oom_kill_disable",
      "user", "readonly_rootfs", "logs", "log_config", "network", "network_aliases", "links", "ipv4_address",
      "ipv6_address", "disable_publish_all_ports");
  static final Set<String> ULIMIT_KEYS = Set.of("name", "soft", "hard");
  /** The mapping form of an {@code extra_hosts} entry. */
  static final Set<String> EXTRA_HOST_KEYS = Set.of("hostname", "address", "when");

  private ContainerOptionsReader() {}

  static ContainerOptionsSpec options(YamlFields fields) {
    return new ContainerOptionsSpec(
        fields.bool("privileged"),
        fields.string("network_mode"),
        fields.string("cpu_shares"),
        fields.string("memory_limit"),
        fields.string("memory_swap_limit"),
        fields.list("ulimits", ULIMIT_KEYS, (u, i) -> new UlimitSpec(u.string("name"), u.string("soft"), u.string("hard"))),
        fields.bool("allocate_tty"),
        fields.strings("security_cap_add"),
        fields.strings("security_options"),
        fields.string("hostname"),
        extraHosts(fields),
        fields.string("pid_mode"),
        fields.string("shm_size"),
        labels(fields),
        fields.string("stop_timeout"),
        fields.bool("oom_kill_disable"),
        fields.string("user"),
        fields.bool("readonly_rootfs"),
        ContainerReader.logs(fields),
        ContainerReader.logConfig(fields),
        fields.string("network"),
        fields.strings("network_aliases"),
        fields.strings("links"),
        fields.string("ipv4_address"),
        fields.string("ipv6_address"),
        fields.bool("disable_publish_all_ports"));
  }

  /** {@code extra_hosts}: mappings {@code {hostname, address, when}} or strings {@code host:address}. */
  private static List<ExtraHostSpec> extraHosts(YamlFields fields) {
    Optional<Node> value = fields.value("extra_hosts");
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof SequenceNode sequence
        && sequence.getValue().stream().allMatch(n -> n instanceof ScalarNode)) {
      List<ExtraHostSpec> hosts = new ArrayList<>();
      for (String entry : fields.strings("extra_hosts")) {
        int colon = entry.indexOf(':');
        hosts.add(colon < 0 ? new ExtraHostSpec(entry, "", "")
            : new ExtraHostSpec(entry.substring(0, colon), entry.substring(colon + 1), ""));
      }
      return hosts;
    }
    return fields.list("extra_hosts", EXTRA_HOST_KEYS, (h, i) ->
        new ExtraHostSpec(h.string("hostname"), h.string("address"), h.string("when")));
  }

  /** {@code labels}: a mapping, or a list of {@code key=value} strings. */
  private static Map<String, String> labels(YamlFields fields) {
    Optional<Node> value = fields.value("labels");
    if (value.isEmpty()) {
      return Map.of();
    }
    if (value.get() instanceof MappingNode) {
      return fields.stringMap("labels");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String entry : fields.strings("labels")) {
      int equals = entry.indexOf('=');
      labels.put(equals < 0 ? entry : entry.substring(0, equals),
          equals < 0 ? "" : entry.substring(equals + 1));
    }
    return labels;
  }
}
