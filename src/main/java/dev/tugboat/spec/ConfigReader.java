package dev.tugboat.spec;

import java.util.Map;
import java.util.Optional;

/** Reads the {@code config} section: groups, items and (nested) options. */
final class ConfigReader {

  ConfigGroupSpec group(YamlFields fields, int index) {
    return new ConfigGroupSpec(
        fields.string("name"),
        fields.string("title"),
        fields.string("description"),
        fields.string("when"),
        testProc(fields),
        fields.list("items", this::item));
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
        fields.list("items", this::item));
  }

  private static Optional<CmdRefSpec> cmdRef(YamlFields fields, String key) {
    return fields.mapping(key).map(ref -> {
      CmdRefSpec spec = new CmdRefSpec(ref.string("name"), ref.integer("value_at", 0, YamlFields.WRONG_TYPE));
      ref.reportUnknownKeys();
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
