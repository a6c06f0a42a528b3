package dev.tugboat.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config item (or, nested in {@code items}, an option of a select item). {@code defaultValue} is the
 * YAML key {@code default}. Strings are raw ({@code ""} when absent); {@code props} and {@code
 * test_proc} are kept as plain data.
 */
public record ConfigItemSpec(
    String name,
    String title,
    String type,
    String defaultValue,
    String value,
    List<String> multiValue,
    Optional<CmdRefSpec> defaultCmd,
    Optional<CmdRefSpec> valueCmd,
    Optional<CmdRefSpec> dataCmd,
    boolean required,
    String when,
    boolean hidden,
    boolean readonly,
    boolean recommended,
    boolean multiple,
    boolean isExcludedFromSupport,
    String affix,
    String helpText,
    Map<String, Object> props,
    Map<String, Object> testProc,
    List<ConfigItemSpec> items) {

  public ConfigItemSpec {
    multiValue = List.copyOf(multiValue);
    props = RawValues.immutableMap(props);
    testProc = RawValues.immutableMap(testProc);
    items = List.copyOf(items);
  }
}
