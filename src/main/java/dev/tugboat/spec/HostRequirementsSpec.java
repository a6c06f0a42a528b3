package dev.tugboat.spec;

import java.util.Map;

/**
 * A {@code host_requirements} mapping, of the app (top level) or of one component, as written.
 * Values are raw strings ({@code ""} when absent), parsed by {@link RequirementValues}.
 *
 * @param path where it was written: {@code host_requirements} or {@code components[1].host_requirements}
 * @param component the component it belongs to; {@code ""} for the app's own
 * @param values every key as written, in order ({@code memory}, {@code cpu_cores}, ...)
 */
public record HostRequirementsSpec(String path, String component, Map<String, String> values) {

  /** The keys Replicated documents, in the order checks are listed. */
  public static final java.util.List<String> KEYS = java.util.List.of("docker_version",
      "cpu_cores", "cpu_mhz", "memory", "disk_space", "docker_space", "replicated_version");

  public HostRequirementsSpec {
    values = RawValues.immutableStringMap(values);
  }

  public String value(String key) {
    return values.getOrDefault(key, "");
  }

  /** The field path of one key, for positions. */
  public String pathOf(String key) {
    return path + "." + key;
  }

  /** {@code app} or {@code component db}, as check results name where a requirement comes from. */
  public String scope() {
    return component.isEmpty() ? "app" : "component " + component;
  }
}
