package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code host_requirements} (the app's and each component's) and {@code custom_requirements}
 * from the plain data the loader kept. Entries of the wrong shape read as empty values, which
 * {@link RequirementRules} reports at their position.
 */
public final class Requirements {
  private Requirements() {}

  /** The app's host requirements first, then each component's, in spec order. */
  public static List<HostRequirementsSpec> host(AppSpec spec) {
    List<HostRequirementsSpec> result = new ArrayList<>();
    asMap(spec.otherSections().get("host_requirements")).ifPresent(map ->
        result.add(new HostRequirementsSpec("host_requirements", "", strings(map))));
    for (int i = 0; i < spec.components().size(); i++) {
      ComponentSpec component = spec.components().get(i);
      int index = i;
      asMap(component.multiHostOptions().get("host_requirements")).ifPresent(map ->
          result.add(new HostRequirementsSpec("components[" + index + "].host_requirements",
              component.name(), strings(map))));
    }
    return List.copyOf(result);
  }

  /** Every {@code custom_requirements} entry that is a mapping, in spec order. */
  public static List<CustomRequirementSpec> custom(AppSpec spec) {
    List<CustomRequirementSpec> result = new ArrayList<>();
    List<?> entries = spec.otherSections().get("custom_requirements") instanceof List<?> l ? l : List.of();
    for (int i = 0; i < entries.size(); i++) {
      int index = i;
      asMap(entries.get(i)).ifPresent(map -> result.add(custom("custom_requirements[" + index + "]", map)));
    }
    return List.copyOf(result);
  }

  static CustomRequirementSpec custom(String path, Map<String, Object> map) {
    List<CustomRequirementSpec.Result> results = new ArrayList<>();
    if (map.get("results") instanceof List<?> list) {
      for (Object entry : list) {
        Map<String, Object> result = asMap(entry).orElse(Map.of());
        Map<String, Object> condition = asMap(result.get("condition")).orElse(Map.of());
        results.add(new CustomRequirementSpec.Result(string(result.get("status")),
            message(result.get("message")),
            new CustomRequirementSpec.Condition(present(condition.get("status_code")),
                present(condition.get("error")), string(condition.get("bool_expr")))));
      }
    }
    Map<String, Object> command = asMap(map.get("command")).orElse(Map.of());
    return new CustomRequirementSpec(path, string(map.get("id")), message(map.get("message")),
        message(map.get("details")), string(map.get("when")), results,
        new CustomRequirementSpec.Command(string(command.get("id")), string(command.get("timeout")),
            asMap(command.get("data")).orElse(Map.of())));
  }

  private static CustomRequirementSpec.Message message(Object value) {
    Optional<Map<String, Object>> map = asMap(value);
    if (map.isEmpty()) {
      return CustomRequirementSpec.Message.of(string(value));
    }
    Map<String, String> args = strings(asMap(map.get().get("args")).orElse(Map.of()));
    return new CustomRequirementSpec.Message(string(map.get().get("default_message")), args);
  }

  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> asMap(Object value) {
    return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(key, string(value)));
    return result;
  }

  static String string(Object value) {
    return value instanceof String s ? s : "";
  }

  private static Optional<String> present(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
  }
}
