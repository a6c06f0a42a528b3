package dev.tugboat.spec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keys of Replicated's clustering. Placement across hosts ({@code cluster}, {@code tags}, {@code
 * conflicts}, {@code cluster_host_count}) acts only on a cluster: Swarm's, where the engine manages
 * one; elsewhere one host runs one host's worth, every component here. Validation cannot tell
 * which host the spec will run on, so each is a warning saying both. {@code
 * cluster_instance_count} acts on one host where the container's {@code cluster} is true, as in
 * Replicated: its {@code initial} instances run here.
 */
final class ClusterRules {

  static final String CLUSTER_ONLY = "cluster-only";
  static final String INSTANCE_COUNT = "instance-count";
  private static final String ONE_HOST = "; Tugboat runs one host's worth: every component on this "
      + "host, one instance of each container unless cluster_instance_count asks for more";
  private static final String SWARM_OR_ONE_HOST = "; where the Docker Engine manages a swarm, "
      + "Tugboat gives a clustered component to Swarm (docs/cluster.md); elsewhere it runs one "
      + "host's worth: every component on this host, one instance of each container unless "
      + "cluster_instance_count asks for more";
  private static final Set<String> COUNT_KEYS =
      Set.of("initial", "max", "threshold_healthy", "threshold_degraded");

  private ClusterRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of(CLUSTER_ONLY, ClusterRules::clusterOnly),
        ValidationRule.of(INSTANCE_COUNT, ClusterRules::instanceCount));
  }

  static void clusterOnly(AppSpec spec, Findings findings) {
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      String path = "components[" + c + "]";
      String what = "component " + component.name();
      if (enabled(component.multiHostOptions().get("cluster"))) {
        findings.warning(path + ".cluster", what + ": cluster spreads a component over the hosts "
            + "of a cluster and acts only there" + SWARM_OR_ONE_HOST);
      }
      if (component.multiHostOptions().containsKey("cluster_host_count")) {
        findings.warning(path + ".cluster_host_count", what + ": cluster_host_count says on how "
            + "many hosts of a cluster the component runs and acts only there"
            + SWARM_OR_ONE_HOST);
      }
      if (!component.tags().isEmpty()) {
        findings.warning(path + ".tags", what + ": tags place a component on the tagged hosts of "
            + "a cluster and act only there" + SWARM_OR_ONE_HOST);
      }
      if (!component.conflicts().isEmpty()) {
        findings.warning(path + ".conflicts", what + ": conflicts keep components apart on the "
            + "hosts of a cluster and act only there" + SWARM_OR_ONE_HOST);
      }
    }
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      ContainerSpec container = located.value();
      InstanceCountSpec count = InstanceCountSpec.of(container);
      if (enabled(container.multiHostOptions().get("cluster")) && !count.written()) {
        findings.warning(located.child("cluster"), "container " + container.ref() + ": cluster "
            + "without cluster_instance_count acts only on a cluster" + ONE_HOST);
      }
    }
  }

  static void instanceCount(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      ContainerSpec container = located.value();
      InstanceCountSpec count = InstanceCountSpec.of(container);
      if (!count.written()) {
        continue;
      }
      Object raw = container.multiHostOptions().get(InstanceCountSpec.KEY);
      String path = located.child(InstanceCountSpec.KEY);
      if (raw instanceof Map<?, ?> map) {
        map.keySet().stream().map(String::valueOf).filter(key -> !COUNT_KEYS.contains(key))
            .forEach(key -> findings.warning(path + "." + key, "unknown key \"" + key + "\" in "
                + InstanceCountSpec.KEY + "; it has initial, max, threshold_healthy and "
                + "threshold_degraded"));
      }
      String countPath = raw instanceof Map<?, ?> ? path + ".initial" : path;
      if (count.initial().contains("{{repl")) {
        continue; // checked once rendered, before the run starts
      }
      int instances = parse(count.initial());
      if (instances < 1) {
        findings.error(countPath, "container " + container.ref() + ": the number of instances "
            + "to run must be a whole number of at least 1, not \"" + count.initial() + "\"");
        continue;
      }
      String cluster = text(container.multiHostOptions().get("cluster"));
      if (!cluster.contains("{{repl") && !isTrue(cluster) && instances > 1) {
        findings.warning(path, "container " + container.ref() + ": " + InstanceCountSpec.KEY
            + " acts only where the container has cluster: true, as in Replicated; Tugboat runs "
            + "one instance of it. Add cluster: true to run " + instances);
        continue;
      }
      if (instances > 1 && !container.name().isEmpty()) {
        findings.error(located.child("name"), "container " + container.ref() + " runs "
            + instances + " instances, but a fixed name fits only one Docker container; remove "
            + "name (instances are named tugboat-<app>-<component>-<image>-<n>)");
      }
      for (int i = 0; instances > 1 && i < container.ports().size(); i++) {
        PortSpec port = container.ports().get(i);
        String publicPort = port.publicPort().trim();
        if (!publicPort.isEmpty() && !publicPort.equals("0") && !publicPort.contains("{{repl")) {
          findings.error(located.child("ports[" + i + "].public_port"), "container "
              + container.ref() + " runs " + instances + " instances, which cannot all bind host "
              + "port " + port.publicPort() + "; leave public_port out and Docker picks a port for "
              + "each (ContainerExposedPortAll lists them)");
        }
      }
    }
  }

  /** Present and not written false: a template may turn it on. */
  private static boolean enabled(Object value) {
    String text = text(value);
    return value != null && !List.of("false", "0", "no", "").contains(text.toLowerCase(Locale.ROOT));
  }

  private static boolean isTrue(String text) {
    return List.of("true", "1", "yes", "t").contains(text.toLowerCase(Locale.ROOT));
  }

  private static String text(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? String.valueOf(value).trim() : "";
  }

  private static int parse(String text) {
    if (text.isEmpty()) {
      return 1; // a mapping without initial: Replicated starts one
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
