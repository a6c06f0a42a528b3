package dev.tugboat.cli;

import dev.tugboat.config.CertificateAuthoritySource;
import dev.tugboat.config.ConfigAssignments;
import dev.tugboat.config.CertificateAuthorityStore;
import dev.tugboat.config.ConfigEntry;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigLoader;
import dev.tugboat.config.ConfigScreen;
import dev.tugboat.config.ConfigTable;
import dev.tugboat.config.ConfigValidator;
import dev.tugboat.config.ConfigValue;
import dev.tugboat.config.ConfigValues;
import dev.tugboat.config.Generators;
import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.ItemType;
import dev.tugboat.config.PreviewFacts;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.config.Settings;
import dev.tugboat.config.SettingsStore;
import dev.tugboat.config.StoredValue;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat config list|get|set}: reads and changes an app's config values. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Reads and changes the config values of an app.",
      "With SPEC (a .yml or .yaml file) first: works offline on the settings file (--settings).",
      "Without SPEC: asks the running daemon (list, get, set, unset; --config names its",
      "config), which checks values the same way; a restart (tugboat restart) applies the change."},
    subcommands = {
      ConfigCommand.ListItems.class,
      ConfigCommand.Get.class,
      ConfigCommand.Set.class,
      ConfigCommand.Unset.class,
      ConfigCommand.Test.class
    })
public final class ConfigCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Override
  public Integer call() {
    command.commandLine().usage(command.commandLine().getErr());
    return 2;
  }

  /** What every config subcommand takes: the spec and where its values are stored. */
  static final class Target {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
        description = "The app spec (.yml/.yaml); without it, the command asks the daemon.")
    Path specFile;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Without SPEC: the daemon config (default: /etc/tugboat/tugboat.yml).")
    Path daemonConfig;

    @Option(names = "--settings", paramLabel = "FILE", description = {
        "The settings file (the daemon keeps <state_dir>/settings.json). Generated values",
        "(value_cmd) are saved there once; the cert command's CA is kept beside it."})
    Path settingsFile;

    @Option(names = "--show-secrets", description = "Print password values instead of ********.")
    boolean showSecrets;

    @Option(names = "--public-address", paramLabel = "ADDRESS",
        description = "The address the publicip command gives (default: the host's private address).")
    String publicAddress;
  }

  /** The loaded spec, its config values, and what output is masked with. */
  private record Loaded(AppSpec spec, ConfigValues values, SecretMasker masker) {}

  /** What {@code set} and {@code unset} change: the spec's stored values, and how values are made. */
  private record StoredTarget(
      AppSpec spec, SettingsStore store, ConfigLoader loader, PreviewFacts facts) {}

  abstract static class Subcommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec command;
    @Mixin Target target;

    PrintWriter out() {
      return command.commandLine().getOut();
    }

    PrintWriter err() {
      return command.commandLine().getErr();
    }

    AppSpec spec() throws SpecLoadException, ExitException {
      LoadedSpec loaded = new SpecLoader().load(target.specFile);
      loaded.problems().forEach(problem -> err().println(problem.toText()));
      if (loaded.hasErrors()) {
        throw new ExitException(1);
      }
      return loaded.spec();
    }

    HostAddresses host() {
      return HostAddressDetector.detect()
          .overriddenBy(Optional.empty(), Optional.ofNullable(target.publicAddress));
    }

    ConfigLoader loader(HostAddresses host) {
      SecureRandom random = new SecureRandom();
      Path caDirectory = target.settingsFile == null ? null
          : target.settingsFile.toAbsolutePath().getParent();
      return new ConfigLoader(Generators.standard(random, host, caDirectory == null
          ? CertificateAuthoritySource.ephemeral(Clock.systemUTC(), random)
          : new CertificateAuthorityStore(caDirectory, Clock.systemUTC(), random)));
    }

    /** Loads spec and values (saving generated ones when a settings file is given). */
    Loaded load() throws SpecLoadException, ExitException, ConfigException, IOException {
      AppSpec spec = spec();
      HostAddresses host = host();
      PreviewFacts facts = new PreviewFacts(spec, host, Clock.systemUTC());
      ConfigLoader loader = loader(host);
      ConfigValues values = target.settingsFile == null
          ? loader.preview(spec, Settings.empty(), facts).values()
          : loader.load(spec, new SettingsStore(target.settingsFile), facts);
      return new Loaded(spec, values, masker(values));
    }

    /**
     * The spec and settings file a change is stored in; without --settings, prints {@code
     * missingSettings} and ends with exit code 2, since there is nowhere to store the change.
     */
    StoredTarget storedTarget(String missingSettings) throws SpecLoadException, ExitException {
      if (target.settingsFile == null) {
        err().println(missingSettings);
        throw new ExitException(2);
      }
      AppSpec spec = spec();
      HostAddresses host = host();
      return new StoredTarget(spec, new SettingsStore(target.settingsFile), loader(host),
          new PreviewFacts(spec, host, Clock.systemUTC()));
    }

    SecretMasker masker(ConfigValues values) {
      return target.showSecrets ? SecretMasker.none() : values.masker();
    }

    /** The positional arguments after SPEC (items or assignments). */
    List<String> arguments() {
      return List.of();
    }

    @Override
    public Integer call() {
      if (ConfigDaemonForm.applies(target.specFile)) {
        return ConfigDaemonForm.run(command, target, arguments());
      }
      if (arguments().isEmpty() && !(this instanceof ListItems)) {
        err().println("tugboat config " + command.name() + ": give at least one "
            + command.positionalParameters().get(1).paramLabel() + " after SPEC");
        return 2;
      }
      try {
        return run();
      } catch (ExitException e) {
        return e.code;
      } catch (SpecLoadException e) {
        err().println(e.getMessage());
        return 1;
      } catch (ConfigException | IOException e) {
        err().println("tugboat config: " + e.getMessage());
        return 1;
      }
    }

    abstract int run() throws SpecLoadException, ExitException, ConfigException, IOException;
  }

  /** Ends a command with an exit code after its reason was printed. */
  static final class ExitException extends Exception {
    final int code;

    ExitException(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists every config item with its value, type and where the value comes from.")
  static final class ListItems extends Subcommand {
    @Override
    int run() throws SpecLoadException, ExitException, ConfigException, IOException {
      Loaded loaded = load();
      out().print(ConfigTable.render(loaded.values(), loaded.masker()));
      ConfigValidator.missingRequired(loaded.values()).forEach(m -> err().println("warning: " + m));
      out().flush();
      return 0;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Prints the value of each ITEM (a file item: its contents), one per line.")
  static final class Get extends Subcommand {
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ITEM", description = "Item names.")
    List<String> items = new ArrayList<>();

    @Override
    List<String> arguments() {
      return items;
    }

    @Override
    int run() throws SpecLoadException, ExitException, ConfigException, IOException {
      Loaded loaded = load();
      ConfigScreen screen = loaded.values().screen();
      for (String item : items) {
        ConfigEntry entry = screen.require(item);
        ConfigValue value = loaded.values().value(entry.name()).orElseThrow();
        String shown = entry.type() == ItemType.FILE ? value.dataIfAny().orElse("") : value.value();
        out().println(loaded.masker().mask(shown));
      }
      out().flush();
      return 0;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = {"Stores values: ITEM=VALUE, or ITEM=@PATH for a file item (its contents).",
          "Each value must fit its item's type; nothing is stored if one does not."})
  static final class Set extends Subcommand {
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ITEM=VALUE", description = "Assignments.")
    List<String> assignments = new ArrayList<>();

    @Override
    List<String> arguments() {
      return assignments;
    }

    @Override
    int run() throws SpecLoadException, ExitException, ConfigException, IOException {
      StoredTarget stored = storedTarget("tugboat config set: give --settings FILE, the file that"
          + " keeps the values (the daemon reads <state_dir>/settings.json)");
      Map<String, StoredValue> changes =
          ConfigAssignments.parse(ConfigScreen.of(stored.spec()), assignments);
      ConfigValues values =
          stored.loader().set(stored.spec(), stored.store(), changes, stored.facts());
      SecretMasker masker = masker(values);
      for (String item : changes.keySet()) {
        out().println("set " + item + " = " + masker.mask(ConfigTable.shown(values, item)));
      }
      ConfigValidator.missingRequired(values).forEach(m -> err().println("warning: " + m));
      out().flush();
      return 0;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true,
      description = {"Runs config item ITEM's test (its test_proc) on the daemon's host, with the",
          "stored values and any ITEM=VALUE given in their place (not stored), as the",
          "settings screen tests a value before it is saved. Exit 1 when the test fails."})
  static final class Test extends Subcommand {
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ITEM=VALUE",
        description = "Values to test with instead of the stored ones.")
    List<String> values = new ArrayList<>();

    @Override
    List<String> arguments() {
      return values;
    }

    @Override
    int run() {
      err().println("tugboat config test: the daemon runs the test; give ITEM without SPEC");
      return 2;
    }
  }

  @Command(name = "unset", mixinStandardHelpOptions = true,
      description = {"Forgets stored values: each ITEM falls back to its value or default;",
          "an item with a value_cmd gets a newly generated value."})
  static final class Unset extends Subcommand {
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ITEM", description = "Item names.")
    List<String> items = new ArrayList<>();

    @Override
    List<String> arguments() {
      return items;
    }

    @Override
    int run() throws SpecLoadException, ExitException, ConfigException, IOException {
      StoredTarget stored =
          storedTarget("tugboat config unset: give --settings FILE, the file that keeps the values");
      ConfigValues values =
          stored.loader().unset(stored.spec(), stored.store(), items, stored.facts());
      SecretMasker masker = masker(values);
      for (String item : items) {
        out().println("unset " + item + " = " + masker.mask(ConfigTable.shown(values, item)) + " ("
            + values.value(item).orElseThrow().source().label() + ")");
      }
      out().flush();
      return 0;
    }
  }
}
