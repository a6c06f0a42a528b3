package dev.tugboat.config;

import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out every item's value once, during one load. A {@code value} or {@code default} may be a
 * template that reads other items ({@code {{repl ConfigOption "hostname"}}}), so items resolve on
 * demand, and an item met again while it is being resolved is a cycle, reported with its path.
 * Used by one thread for one load, then dropped.
 */
final class ValueResolution implements ConfigLookup {

  private final ConfigScreen screen;
  private final Settings settings;
  private final Map<String, String> defaultsFromCmds;
  private final TemplateEnvironment env;
  private final Map<String, ConfigValue> resolved = new HashMap<>();
  private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();

  ValueResolution(ConfigScreen screen, Settings settings, Map<String, String> defaultsFromCmds,
      TemplateEnvironment facts) {
    this.screen = screen;
    this.settings = settings;
    this.defaultsFromCmds = defaultsFromCmds;
    this.env = new ConfigTemplateEnvironment(this, facts);
  }

  /** Every item's value. */
  Map<String, ConfigValue> all() throws ConfigException {
    try {
      for (ConfigEntry entry : screen.entries()) {
        resolve(entry);
      }
    } catch (TemplateException e) {
      // The evaluator may wrap what a function threw; a cycle is reported as itself.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof CycleException cycle) {
          throw new ConfigException(cycle.getMessage(), e);
        }
      }
      throw new ConfigException("config template: " + knownSecrets().mask(e.getMessage()), e);
    } catch (CycleException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    return Map.copyOf(resolved);
  }

  @Override
  public Optional<String> option(String item) {
    return screen.entry(item).map(entry -> resolve(entry).value());
  }

  @Override
  public Optional<String> data(String item) {
    return screen.entry(item).map(entry -> resolve(entry).dataIfAny().orElse(""));
  }

  private ConfigValue resolve(ConfigEntry entry) {
    ConfigValue done = resolved.get(entry.name());
    if (done != null) {
      return done;
    }
    if (!inProgress.add(entry.name())) {
      List<String> cycle = new ArrayList<>(inProgress);
      cycle.add(entry.name());
      throw new CycleException("config items refer to each other in a cycle: "
          + String.join(" -> ", cycle.subList(cycle.indexOf(entry.name()), cycle.size()))
          + "; break it by giving one of them a plain value");
    }
    ConfigValue value = compute(entry);
    inProgress.remove(entry.name());
    resolved.put(entry.name(), value);
    return value;
  }

  private ConfigValue compute(ConfigEntry entry) {
    Optional<StoredValue> stored = settings.get(entry.name());
    if (stored.isPresent()) {
      return new ConfigValue(stored.get().value(), stored.get().data(), ConfigValue.Source.STORED);
    }
    String value = entry.item().value();
    if (!value.isEmpty()) {
      return new ConfigValue(render(value, entry.path() + ".value"), null, ConfigValue.Source.VALUE);
    }
    String fromCmd = defaultsFromCmds.get(entry.name());
    if (fromCmd != null) {
      return new ConfigValue(fromCmd, null, ConfigValue.Source.DEFAULT_CMD);
    }
    String defaultValue = entry.item().defaultValue();
    if (!defaultValue.isEmpty()) {
      return new ConfigValue(render(defaultValue, entry.path() + ".default"), null,
          ConfigValue.Source.DEFAULT);
    }
    return new ConfigValue("", null, ConfigValue.Source.NONE);
  }

  private String render(String text, String fieldPath) {
    return text.contains("{{repl") ? Template.parse(text, fieldPath).render(env) : text;
  }

  /**
   * The secret values known so far. A function's error quotes its argument ({@code
   * strconv.ParseInt: parsing "hunter2"}), and the argument may be a password item's value.
   */
  private SecretMasker knownSecrets() {
    List<String> secrets = new ArrayList<>();
    for (ConfigEntry entry : screen.entries()) {
      if (entry.isSecret()) {
        settings.get(entry.name()).map(StoredValue::value).ifPresent(secrets::add);
        Optional.ofNullable(defaultsFromCmds.get(entry.name())).ifPresent(secrets::add);
        Optional.ofNullable(resolved.get(entry.name())).map(ConfigValue::value)
            .ifPresent(secrets::add);
        for (String literal : List.of(entry.item().value(), entry.item().defaultValue())) {
          if (!literal.contains("{{repl")) {
            secrets.add(literal);
          }
        }
      }
    }
    return SecretMasker.of(secrets);
  }

  /** A cycle between items; unchecked only to cross the template evaluator, caught in {@link #all}. */
  private static final class CycleException extends RuntimeException {
    CycleException(String message) {
      super(message, null, false, false);
    }
  }
}
