package dev.tugboat.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the engine keeps a container's output: the log driver and its options, passed as they are.
 *
 * @param driver the driver ({@code json-file}, {@code journald}, a plugin's name); empty: the
 *     engine's default driver
 * @param options the driver's options ({@code max-size}, {@code tag}), in written order
 */
public record ContainerLogging(String driver, Map<String, String> options) {
  public ContainerLogging {
    Objects.requireNonNull(driver, "driver");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    if (driver.isEmpty() && !options.isEmpty()) {
      throw new IllegalArgumentException("log options " + options.keySet()
          + " need the driver they belong to");
    }
  }

  /** The engine's default driver with its default options. */
  public static ContainerLogging engineDefault() {
    return new ContainerLogging("", Map.of());
  }

  public boolean isEngineDefault() {
    return driver.isEmpty();
  }
}
