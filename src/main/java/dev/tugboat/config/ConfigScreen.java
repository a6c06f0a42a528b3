package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ConfigGroupSpec;
import dev.tugboat.spec.ConfigItemSpec;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config screen of a spec as a flat index: every item and every option of a select item, by
 * name, in spec order, with types and {@code when}s parsed. Immutable.
 */
public final class ConfigScreen {

  private final Map<String, ConfigEntry> entries;

  private ConfigScreen(Map<String, ConfigEntry> entries) {
    this.entries = entries;
  }

  /**
   * The screen of {@code spec}.
   *
   * @throws ConfigException for an unknown item type, a {@code when} of no known form, a template
   *     that does not parse, or two items with one name
   */
  public static ConfigScreen of(AppSpec spec) throws ConfigException {
    Map<String, ConfigEntry> entries = new LinkedHashMap<>();
    List<ConfigGroupSpec> groups = spec.config();
    for (int g = 0; g < groups.size(); g++) {
      ConfigGroupSpec group = groups.get(g);
      String groupPath = "config[" + g + "]";
      WhenCondition groupWhen = parseWhen(group.when(), groupPath + ".when");
      List<ConfigItemSpec> items = group.items();
      for (int i = 0; i < items.size(); i++) {
        String path = groupPath + ".items[" + i + "]";
        ConfigEntry entry = entry(items.get(i), path, group.name(), Optional.empty(), groupWhen);
        add(entries, entry);
        List<ConfigItemSpec> options = items.get(i).items();
        for (int o = 0; o < options.size(); o++) {
          add(entries, entry(options.get(o), path + ".items[" + o + "]", group.name(),
              Optional.of(entry.name()), groupWhen));
        }
      }
    }
    return new ConfigScreen(Collections.unmodifiableMap(entries));
  }

  private static ConfigEntry entry(ConfigItemSpec item, String path, String group,
      Optional<String> parent, WhenCondition groupWhen) throws ConfigException {
    if (item.name().isEmpty()) {
      throw new ConfigException(path + ": a config item needs a name");
    }
    // Options of a select_many are on/off switches; options of a select_one are choices.
    ItemType type = ItemType.of(item.type()).orElseThrow(() -> new ConfigException(path
        + ".type: config item '" + item.name() + "' has type '" + item.type() + "'; the types are "
        + ItemType.allNames()));
    return new ConfigEntry(item, type, path, group, parent, groupWhen,
        parseWhen(item.when(), path + ".when"));
  }

  private static WhenCondition parseWhen(String when, String path) throws ConfigException {
    try {
      return WhenCondition.parse(when, path);
    } catch (TemplateException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static void add(Map<String, ConfigEntry> entries, ConfigEntry entry) throws ConfigException {
    ConfigEntry earlier = entries.putIfAbsent(entry.name(), entry);
    if (earlier != null) {
      throw new ConfigException(entry.path() + ": config item name '" + entry.name()
          + "' is already used at " + earlier.path() + "; names must be unique");
    }
  }

  /** The entry named {@code name} (an item or an option). */
  public Optional<ConfigEntry> entry(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The entry named {@code name}; an unknown name is refused with the names that exist. */
  public ConfigEntry require(String name) throws ConfigException {
    ConfigEntry entry = entries.get(name);
    if (entry == null) {
      throw new ConfigException("no config item '" + name + "' in this spec; the items are "
          + String.join(", ", names()));
    }
    return entry;
  }

  /** Every item and option, in spec order. */
  public List<ConfigEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The options of select item {@code name}, in spec order. */
  public List<ConfigEntry> options(String name) {
    List<ConfigEntry> options = new ArrayList<>();
    for (ConfigEntry entry : entries.values()) {
      if (entry.parent().filter(name::equals).isPresent()) {
        options.add(entry);
      }
    }
    return List.copyOf(options);
  }

  /** The item names, in spec order, for messages that list what exists. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }
}
