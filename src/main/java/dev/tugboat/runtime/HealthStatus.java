package dev.tugboat.runtime;

import java.util.Locale;

/** The result of an image's HEALTHCHECK; {@code NONE} when the container has none. */
public enum HealthStatus {
  NONE,
  STARTING,
  HEALTHY,
  UNHEALTHY;

  /** Parses the engine's word; an empty or missing one means no health check. */
  public static HealthStatus parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown health status \"" + text + "\"", e);
    }
  }
}
