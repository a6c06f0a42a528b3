package dev.tugboat.cli;

import dev.tugboat.config.CertificateAuthoritySource;
import dev.tugboat.config.ConfigAssignments;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigLoader;
import dev.tugboat.config.ConfigValidator;
import dev.tugboat.config.ConfigValues;
import dev.tugboat.config.Generators;
import dev.tugboat.config.HostAddressDetector;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.PreviewFacts;
import dev.tugboat.config.PreviewWriter;
import dev.tugboat.config.Settings;
import dev.tugboat.config.SettingsStore;
import dev.tugboat.config.SpecPreview;
import dev.tugboat.config.TemplatePositions;
import dev.tugboat.license.LicenseException;
import dev.tugboat.license.LicenseFacts;
import dev.tugboat.license.LicenseFiles;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat render}: prints the spec as it would run with a configuration. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the spec as it would run with its config values.",
      "",
      "Templates are evaluated, entries whose `when` is false are dropped, and secrets are masked.",
      "Values known only at run time (another container's address or port) print as placeholders",
      "such as <address of db/postgres>."
    })
public final class RenderCommand implements Callable<Integer> {

  enum Format { YAML, JSON }

  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The app spec (YAML).")
  Path specFile;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Stored config values (settings.json); read only, never written by render.")
  Path settingsFile;

  @Option(names = "--set", paramLabel = "ITEM=VALUE",
      description = "A config value for this render only (ITEM=@PATH reads a file item's contents).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--license", paramLabel = "FILE",
      description = "The vendor's license, for LicenseFieldValue, LicenseProperty and AppID"
          + " (without it they print as <license field NAME>).")
  Path licenseFile;

  @Option(names = "--format", paramLabel = "yaml|json", defaultValue = "yaml",
      description = "Output format: yaml (default) or json.")
  Format format;

  @Option(names = "--show-secrets", description = "Print password values instead of ********.")
  boolean showSecrets;

  @Option(names = "--private-address", paramLabel = "ADDRESS",
      description = "The host's private address (default: the address of the default route's interface).")
  String privateAddress;

  @Option(names = "--public-address", paramLabel = "ADDRESS",
      description = "The host's public address (default: the private address).")
  String publicAddress;

  @Override
  public Integer call() {
    PrintWriter err = command.commandLine().getErr();
    try {
      AppSpec spec = loadSpec(err);
      String text = Files.readString(specFile, StandardCharsets.UTF_8);
      HostAddresses host = host();
      TemplateEnvironment facts = new LicenseFacts(new PreviewFacts(spec, host, Clock.systemUTC()),
          LicenseFiles.forPreview(licenseFile));
      ConfigValues values = values(spec, host, facts);
      ConfigValidator.missingRequired(values)
          .forEach(m -> err.println("warning: " + values.masker().mask(m)));
      SpecPreview.Result result = SpecPreview.render(text, values, values.environment(facts), showSecrets);
      if (!result.errors().isEmpty()) {
        result.errors().forEach(e -> err.println(values.masker().mask(problem(spec, text, e).toText())));
        return 1;
      }
      PrintWriter out = command.commandLine().getOut();
      out.print(format == Format.JSON ? PreviewWriter.json(result.tree()) : PreviewWriter.yaml(result.tree()));
      out.flush();
      return 0;
    } catch (SpecLoadException e) {
      err.println(e.getMessage());
      return 1;
    } catch (ConfigException | IOException | LicenseException e) {
      err.println("tugboat render: " + e.getMessage());
      return 1;
    } catch (SpecErrors e) {
      return 1;
    }
  }

  /** The spec, its loading problems printed; {@link SpecErrors} when one of them is an error. */
  private AppSpec loadSpec(PrintWriter err) throws SpecLoadException, SpecErrors {
    LoadedSpec loaded = new SpecLoader().load(specFile);
    loaded.problems().forEach(problem -> err.println(problem.toText()));
    if (loaded.hasErrors()) {
      throw new SpecErrors();
    }
    return loaded.spec();
  }

  /** The config values with the stored settings and --set values; nothing is saved. */
  private ConfigValues values(AppSpec spec, HostAddresses host, TemplateEnvironment facts)
      throws ConfigException, IOException {
    SecureRandom random = new SecureRandom();
    ConfigLoader loader = new ConfigLoader(Generators.standard(random, host,
        CertificateAuthoritySource.ephemeral(Clock.systemUTC(), random)));
    Settings settings = ConfigAssignments.apply(spec, storedSettings(), sets);
    return loader.preview(spec, settings, facts).values();
  }

  /** The spec has errors, already printed. */
  private static final class SpecErrors extends Exception {
    SpecErrors() {
      super(null, null, false, false);
    }
  }

  private Settings storedSettings() throws IOException {
    return settingsFile == null ? Settings.empty() : new SettingsStore(settingsFile).load();
  }

  private HostAddresses host() {
    return HostAddressDetector.detect()
        .overriddenBy(Optional.ofNullable(privateAddress), Optional.ofNullable(publicAddress));
  }

  static Problem problem(AppSpec spec, String text, TemplateException error) {
    return Problem.error("template", error.fieldPath(),
        TemplatePositions.of(spec.sourceMap(), text, error), error.fieldPath() + ": " + error.detail());
  }
}
