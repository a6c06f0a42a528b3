package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Loads an app's config the way the daemon and {@code tugboat config} do: resolve the spec's items
 * against the settings file, and save what {@code value_cmd}/{@code data_cmd} generated so it is
 * computed only once. {@code tugboat render} previews without saving.
 */
public final class ConfigLoader {

  private final ConfigResolver resolver;

  public ConfigLoader(Generators generators) {
    this.resolver = new ConfigResolver(generators);
  }

  /** The config of {@code spec} with the stored settings; newly generated values are saved. */
  public ConfigValues load(AppSpec spec, SettingsStore store, TemplateEnvironment facts)
      throws ConfigException, IOException {
    return resolveAndSave(spec, store, store.load(), facts);
  }

  /**
   * Checks and stores {@code changes} (item name to value), then resolves.
   *
   * @throws ConfigException naming the first item whose value is refused; nothing is saved then
   */
  public ConfigValues set(AppSpec spec, SettingsStore store, Map<String, StoredValue> changes,
      TemplateEnvironment facts) throws ConfigException, IOException {
    ConfigScreen screen = ConfigScreen.of(spec);
    for (Map.Entry<String, StoredValue> change : changes.entrySet()) {
      ConfigValidator.checkWrite(screen, change.getKey(), change.getValue());
    }
    Settings updated = store.load().withAll(changes);
    ConfigResolver.Resolution resolution = resolver.resolve(spec, screen, updated, facts);
    store.save(resolution.settings());
    return resolution.values();
  }

  /**
   * Forgets the stored values of {@code names}: each item falls back to its {@code value} or default,
   * and an item with a {@code value_cmd} gets a newly generated value (saved, as at first load).
   *
   * @throws ConfigException naming an item the spec does not have; nothing is saved then
   */
  public ConfigValues unset(AppSpec spec, SettingsStore store, List<String> names,
      TemplateEnvironment facts) throws ConfigException, IOException {
    ConfigScreen screen = ConfigScreen.of(spec);
    for (String name : names) {
      screen.require(name);
    }
    ConfigResolver.Resolution resolution =
        resolver.resolve(spec, screen, store.load().without(names), facts);
    store.save(resolution.settings());
    return resolution.values();
  }

  /** The config with {@code settings}, saving nothing (previews). */
  public ConfigResolver.Resolution preview(AppSpec spec, Settings settings, TemplateEnvironment facts)
      throws ConfigException {
    return resolver.resolve(spec, ConfigScreen.of(spec), settings, facts);
  }

  private ConfigValues resolveAndSave(AppSpec spec, SettingsStore store, Settings settings,
      TemplateEnvironment facts) throws ConfigException, IOException {
    ConfigResolver.Resolution resolution = resolver.resolve(spec, ConfigScreen.of(spec), settings, facts);
    if (resolution.generated()) {
      store.save(resolution.settings());
    }
    return resolution.values();
  }
}
