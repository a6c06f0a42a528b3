package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/** A group of the configuration screen. */
public record ConfigGroupSpec(
    String name,
    String title,
    String description,
    String when,
    Map<String, Object> testProc,
    List<ConfigItemSpec> items) {

  public ConfigGroupSpec {
    testProc = RawValues.immutableMap(testProc);
    items = List.copyOf(items);
  }
}
