package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.ConfigView;
import dev.tugboat.config.CertificateAuthorityStore;
import dev.tugboat.config.ConfigEntry;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigLoader;
import dev.tugboat.config.ConfigScreen;
import dev.tugboat.config.ConfigValidator;
import dev.tugboat.config.ConfigValue;
import dev.tugboat.config.ConfigValues;
import dev.tugboat.config.Generators;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.ItemType;
import dev.tugboat.config.PreviewFacts;
import dev.tugboat.config.Settings;
import dev.tugboat.config.SettingsStore;
import dev.tugboat.config.StoredValue;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's config values as the API reads and writes them: the settings file in the state
 * directory, checked as {@code tugboat config set} checks them. Not thread-safe: the controller
 * calls it on the app supervisor.
 */
final class AppConfig {

  /** The values and their view (secrets masked). */
  record Read(ConfigValues values, ConfigView view) {}

  private final Path settingsFile;
  private final Consumer<String> warnings;
  private final HostAddresses host;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  AppConfig(Path settingsFile, HostAddresses host, Clock clock) {
    this(settingsFile, host, clock, warning -> System.err.println("WARN " + warning));
  }

  /** {@code warnings} hears of a damaged settings file set aside (the daemon's log). */
  AppConfig(Path settingsFile, HostAddresses host, Clock clock, Consumer<String> warnings) {
    this.settingsFile = settingsFile;
    this.host = host;
    this.clock = clock;
    this.warnings = warnings;
  }

  Read read(AppSpec spec) {
    try {
      ConfigValues values = loader().load(spec, store(), facts(spec));
      return new Read(values, ConfigViews.of(spec, values, facts(spec)));
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read the settings: " + e.getMessage());
    }
  }

  /** Stores {@code changes}; nothing is stored when one is refused (a 400 naming the item). */
  Read write(AppSpec spec, Map<String, String> changes) {
    try {
      ConfigScreen screen = ConfigScreen.of(spec);
      Map<String, StoredValue> stored = new LinkedHashMap<>();
      for (Map.Entry<String, String> change : changes.entrySet()) {
        ConfigEntry entry = screen.require(change.getKey());
        stored.put(entry.name(), entry.type() == ItemType.FILE
            ? StoredValue.file(entry.name(), change.getValue())
            : StoredValue.of(change.getValue()));
      }
      ConfigValues values = loader().set(spec, store(), stored, facts(spec));
      return new Read(values, ConfigViews.of(spec, values, facts(spec)));
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage());
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot store the settings: " + e.getMessage());
    }
  }

  /**
   * Forgets the stored values of {@code names} (404 for an item the spec does not have; nothing is
   * changed then).
   */
  Read unset(AppSpec spec, List<String> names) {
    ConfigScreen screen;
    try {
      screen = ConfigScreen.of(spec);
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
    }
    for (String name : names) {
      try {
        screen.require(name);
      } catch (ConfigException e) {
        throw new AppRefusal(AppRefusal.Reason.NOT_FOUND, e.getMessage());
      }
    }
    try {
      ConfigValues values = loader().unset(spec, store(), names, facts(spec));
      return new Read(values, ConfigViews.of(spec, values, facts(spec)));
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage());
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot store the settings: " + e.getMessage());
    }
  }

  /**
   * Refuses (409) a spec whose required items would have no value with the stored settings, as a
   * start of it would; saves nothing. {@code specName} is how the operator knows the spec.
   */
  void requireComplete(AppSpec spec, String specName) {
    try {
      Settings stored = store().load();
      ConfigValidator.requireComplete(loader().preview(spec, stored, facts(spec)).values());
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, specName + ": " + e.getMessage() + "\ngive them values with"
          + " tugboat config set " + specName + " --settings " + settingsFile
          + " ITEM=VALUE, then apply again; nothing was changed");
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read the settings: " + e.getMessage());
    }
  }

  /** The secret values among {@code values}, for the masker. */
  static List<String> secrets(ConfigValues values) {
    List<String> secrets = new ArrayList<>();
    for (ConfigEntry entry : values.screen().entries()) {
      if (entry.isSecret()) {
        values.value(entry.name()).map(ConfigValue::value).ifPresent(secrets::add);
      }
    }
    return secrets;
  }

  private ConfigLoader loader() {
    return new ConfigLoader(Generators.standard(random, host,
        new CertificateAuthorityStore(settingsFile.toAbsolutePath().getParent(), clock, random)));
  }

  private SettingsStore store() {
    return new SettingsStore(settingsFile, clock, warnings);
  }

  /**
   * The templates' environment with the stored settings, as a run renders them: for a {@code when}
   * decided after the start (an admin command's).
   */
  TemplateEnvironment environment(AppSpec spec) {
    try {
      PreviewFacts facts = facts(spec);
      return loader().load(spec, store(), facts).environment(facts);
    } catch (ConfigException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot read the settings: " + e.getMessage());
    }
  }

  private PreviewFacts facts(AppSpec spec) {
    return new PreviewFacts(spec, host, clock);
  }
}
