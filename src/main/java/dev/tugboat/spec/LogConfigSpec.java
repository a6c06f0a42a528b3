package dev.tugboat.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A component's {@code log_config: {type, config}}, as written (templates unrendered): the Docker
 * log driver its containers log with, and that driver's options. {@link #NONE} when absent.
 */
public record LogConfigSpec(String type, Map<String, String> config) {
  public static final LogConfigSpec NONE = new LogConfigSpec("", Map.of());
  /** The drivers that take {@code logs}' options, {@code max-size} and {@code max-file}. */
  public static final Set<String> ROTATING_DRIVERS = Set.of("json-file", "local");

  public LogConfigSpec {
    Objects.requireNonNull(type, "type");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  public boolean isSet() {
    return !type.isBlank() || !config.isEmpty();
  }
}
