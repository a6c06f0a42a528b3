package dev.tugboat.config;

import dev.tugboat.template.TemplateEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved config of a spec with its settings: each item's value ({@code ConfigOption}: stored,
 * else {@code value}, else {@code default_cmd}'s result, else {@code default}), its file contents,
 * whether its {@code when} shows it, and the masker for its secret values. Immutable; made by {@link
 * ConfigResolver}; safe to read from any thread.
 */
public final class ConfigValues implements ConfigLookup {

  private final ConfigScreen screen;
  private final Map<String, ConfigValue> values;
  private final Map<String, Boolean> shown;
  private final SecretMasker masker;

  ConfigValues(ConfigScreen screen, Map<String, ConfigValue> values, Map<String, Boolean> shown) {
    this.screen = screen;
    this.values = Map.copyOf(values);
    this.shown = Map.copyOf(shown);
    List<String> secrets = new ArrayList<>();
    for (ConfigEntry entry : screen.entries()) {
      if (entry.isSecret()) {
        ConfigValue value = this.values.get(entry.name());
        secrets.add(value.value());
        value.dataIfAny().ifPresent(secrets::add);
      }
    }
    this.masker = SecretMasker.of(secrets);
  }

  /** The screen these values belong to. */
  public ConfigScreen screen() {
    return screen;
  }

  @Override
  public Optional<String> option(String item) {
    return value(item).map(ConfigValue::value);
  }

  /** A {@code file} item's contents; {@code ""} for an item without contents. */
  @Override
  public Optional<String> data(String item) {
    return value(item).map(v -> v.dataIfAny().orElse(""));
  }

  /** The item's value with its source. */
  public Optional<ConfigValue> value(String item) {
    return Optional.ofNullable(values.get(item));
  }

  /** Whether the item is shown: its group's and its own {@code when} hold (and its select item's). */
  public boolean isShown(String item) {
    return shown.getOrDefault(item, false);
  }

  /** Hides the values of {@code password} items (and items excluded from support). */
  public SecretMasker masker() {
    return masker;
  }

  /** An environment that answers config functions from these values and other facts from {@code facts}. */
  public TemplateEnvironment environment(TemplateEnvironment facts) {
    return new ConfigTemplateEnvironment(this, facts);
  }
}
