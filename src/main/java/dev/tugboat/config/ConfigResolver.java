package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.CmdRefSpec;
import dev.tugboat.spec.CmdSpec;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a spec's config against stored settings. Runs the {@code cmds} it needs, each once per
 * load (so the three results of one {@code cert} belong together): {@code default_cmd} every time,
 * {@code value_cmd}/{@code data_cmd} only for items that have no stored value yet. Their results go
 * into the returned settings, which the caller saves so that they are computed once.
 */
public final class ConfigResolver {

  private final Generators generators;

  public ConfigResolver(Generators generators) {
    this.generators = generators;
  }

  /**
   * The outcome of a load.
   *
   * @param settings the input settings plus newly generated {@code value_cmd}/{@code data_cmd} results
   * @param generated whether {@code settings} differs from the input (then save it)
   */
  public record Resolution(ConfigValues values, Settings settings, boolean generated) {}

  /**
   * Resolves every item.
   *
   * @param facts answers non-config template functions inside {@code value}, {@code default} and
   *     {@code when} (host address, app version, ...)
   */
  public Resolution resolve(AppSpec spec, ConfigScreen screen, Settings settings, TemplateEnvironment facts)
      throws ConfigException {
    CmdRunner cmds = new CmdRunner(spec);
    Map<String, StoredValue> generated = new LinkedHashMap<>();
    Map<String, String> defaultsFromCmds = new HashMap<>();
    for (ConfigEntry entry : screen.entries()) {
      if (!settings.has(entry.name())) {
        generate(entry, cmds).ifPresent(value -> generated.put(entry.name(), value));
      }
      if (entry.item().defaultCmd().isPresent()) {
        defaultsFromCmds.put(entry.name(), cmds.pick(entry, "default_cmd", entry.item().defaultCmd().get()));
      }
    }
    Settings updated = settings.withAll(generated);
    ValueResolution resolution = new ValueResolution(screen, updated, defaultsFromCmds, facts);
    Map<String, ConfigValue> values = resolution.all();
    Map<String, Boolean> shown = shown(screen, new ConfigTemplateEnvironment(resolution, facts));
    return new Resolution(new ConfigValues(screen, values, shown), updated, !generated.isEmpty());
  }

  private static Optional<StoredValue> generate(ConfigEntry entry, CmdRunner cmds) throws ConfigException {
    Optional<CmdRefSpec> valueCmd = entry.item().valueCmd();
    Optional<CmdRefSpec> dataCmd = entry.item().dataCmd();
    if (valueCmd.isEmpty() && dataCmd.isEmpty()) {
      return Optional.empty();
    }
    String value = valueCmd.isPresent() ? cmds.pick(entry, "value_cmd", valueCmd.get()) : "";
    String data = dataCmd.isPresent() ? cmds.pick(entry, "data_cmd", dataCmd.get()) : null;
    return Optional.of(new StoredValue(value, data));
  }

  private static Map<String, Boolean> shown(ConfigScreen screen, TemplateEnvironment env)
      throws ConfigException {
    Map<String, Boolean> shown = new HashMap<>();
    for (ConfigEntry entry : screen.entries()) {
      try {
        boolean visible = entry.groupWhen().test(env) && entry.when().test(env)
            && entry.parent().map(p -> shown.getOrDefault(p, true)).orElse(true);
        shown.put(entry.name(), visible);
      } catch (TemplateException e) {
        throw new ConfigException("config item " + entry.label() + ": its when cannot be decided: "
            + e.getMessage(), e);
      }
    }
    return shown;
  }

  /** Runs each named {@code cmds} entry at most once and picks results by {@code value_at}. */
  private final class CmdRunner {
    private final AppSpec spec;
    private final Map<String, List<String>> results = new HashMap<>();

    CmdRunner(AppSpec spec) {
      this.spec = spec;
    }

    String pick(ConfigEntry entry, String field, CmdRefSpec ref) throws ConfigException {
      CmdSpec cmd = spec.cmd(ref.name()).orElseThrow(() -> new ConfigException("config item "
          + entry.label() + ": " + field + " names '" + ref.name() + "', which is not in cmds"));
      List<String> result = results.get(cmd.name());
      if (result == null) {
        try {
          result = generators.run(cmd.cmd(), cmd.args());
        } catch (GeneratorException e) {
          throw new ConfigException("cmds '" + cmd.name() + "' (for config item " + entry.label()
              + "): " + e.getMessage(), e);
        }
        results.put(cmd.name(), result);
      }
      if (ref.valueAt() < 0 || ref.valueAt() >= result.size()) {
        throw new ConfigException("config item " + entry.label() + ": " + field + " value_at "
            + ref.valueAt() + " is out of range: cmds '" + cmd.name() + "' (" + cmd.cmd() + ") gives "
            + result.size() + " value(s), value_at counts from 0");
      }
      return result.get(ref.valueAt());
    }
  }
}
