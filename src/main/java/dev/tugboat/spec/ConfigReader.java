package dev.tugboat.spec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code config} section: groups, items and (nested) options. */
final class ConfigReader {
  static final Set<String> GROUP_KEYS =
      Set.of("name", "title", "description", "when", "test_proc", "items");
  /** An item's keys; the options of select items are items too. */
  static final Set<String> ITEM_KEYS = Set.of("name", "title", "type", "default", "value",
      "multi_value", "default_cmd", "value_cmd", "data_cmd", "required", "when", "hidden", "readonly",
      "recommended", "multiple", "is_excluded_from_support", "affix", "help_text", "props", "test_proc",
      "items");
  static final Set<String> CMD_REF_KEYS = Set.of("name", "value_at");

  ConfigGroupSpec group(YamlFields fields, int index) {
    return new ConfigGroupSpec(
        fields.string("name"),
        fields.string("title"),
        fields.string("description"),
        fields.string("when"),
        testProc(fields),
        fields.list("items", ITEM_KEYS, this::item));
  }

  ConfigItemSpec item(YamlFields fields, int index) {
    return new ConfigItemSpec(
        fields.string("name"),
        fields.string("title"),
        fields.string("type"),
        fields.string("default"),
        fields.string("value"),
        fields.strings("multi_value"),
        cmdRef(fields, "default_cmd"),
        cmdRef(fields, "value_cmd"),
        cmdRef(fields, "data_cmd"),
        fields.bool("required"),
        fields.string("when"),
        fields.bool("hidden"),
        fields.bool("readonly"),
        fields.bool("recommended"),
        fields.bool("multiple"),
        fields.bool("is_excluded_from_support"),
        fields.string("affix"),
        fields.string("help_text"),
        plainMap(fields, "props"),
        testProc(fields),
        fields.list("items", ITEM_KEYS, this::item));
  }

  private static Optional<CmdRefSpec> cmdRef(YamlFields fields, String key) {
    return fields.mapping(key).map(ref -> {
      CmdRefSpec spec = new CmdRefSpec(ref.string("name"), ref.integer("value_at", 0, YamlFields.WRONG_TYPE));
      ref.reportUnknownKeys(CMD_REF_KEYS);
      return spec;
    });
  }

  private static Map<String, Object> testProc(YamlFields fields) {
    return plainMap(fields, "test_proc");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plainMap(YamlFields fields, String key) {
    Optional<Object> raw = fields.raw(key);
    if (raw.isPresent() && raw.get() instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    return Map.of();
  }
}
