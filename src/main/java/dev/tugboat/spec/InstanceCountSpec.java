package dev.tugboat.spec;

import java.util.Map;

/**
 * A container's {@code cluster} and {@code cluster_instance_count} as written. The count is an
 * integer ({@code 3}) or a mapping {@code {initial, max, threshold_healthy, threshold_degraded}};
 * one host runs {@code initial} instances (1 when absent) and has no use for the others, which
 * scale and judge a cluster. As in Replicated, the count acts only where {@code cluster} is true.
 * Either may be a template, rendered before the run starts.
 *
 * @param cluster the text of {@code cluster}, empty when absent
 * @param initial the text of the count to run, empty when absent
 * @param written whether {@code cluster_instance_count} is written at all
 */
public record InstanceCountSpec(String cluster, String initial, boolean written) {

  public static final String KEY = "cluster_instance_count";

  public static InstanceCountSpec of(ContainerSpec container) {
    Map<String, Object> options = container.multiHostOptions();
    Object count = options.get(KEY);
    String initial = count instanceof Map<?, ?> map ? text(map.get("initial")) : text(count);
    return new InstanceCountSpec(text(options.get("cluster")), initial, count != null);
  }

  private static String text(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? String.valueOf(value).trim() : "";
  }
}
