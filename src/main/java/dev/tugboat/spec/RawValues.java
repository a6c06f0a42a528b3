package dev.tugboat.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep the order they were written in (Map.copyOf does not). */
final class RawValues {
  private RawValues() {}

  static Map<String, Object> immutableMap(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static Map<String, String> immutableStringMap(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
