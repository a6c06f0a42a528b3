package dev.tugboat.daemon;

import dev.tugboat.config.CertificateAuthoritySource;
import dev.tugboat.config.ConfigAssignments;
import dev.tugboat.config.ConfigException;
import dev.tugboat.config.ConfigLoader;
import dev.tugboat.config.ConfigValidator;
import dev.tugboat.config.ConfigValues;
import dev.tugboat.config.Generators;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.PreviewFacts;
import dev.tugboat.config.Settings;
import dev.tugboat.config.SettingsStore;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.orchestrator.SpecTemplates;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Gathers what a run of a spec needs from the command line: the config values (the settings file,
 * where {@code value_cmd} results are kept so a generated password stays the same from run to run,
 * then {@code --set} for this run only), the template language, the host's addresses.
 */
public final class RunInputs {

  /** An option, a config value or an input file is wrong; the message says which and what to do. */
  public static final class InputException extends Exception {
    InputException(String message) {
      super(message);
    }
  }

  /** The inputs, and the config values (to mask secrets in messages). */
  public record Prepared(SpecInputs inputs, ConfigValues values) {}

  private RunInputs() {}

  public static Prepared of(AppSpec spec, Path specFile, Path settingsFile, List<String> sets,
      HostAddresses host, Map<String, String> registries, Clock clock) throws InputException {
    PreviewFacts facts = new PreviewFacts(spec, host, clock);
    SecureRandom random = new SecureRandom();
    ConfigLoader loader = new ConfigLoader(Generators.standard(random, host,
        CertificateAuthoritySource.ephemeral(clock, random)));
    ConfigValues values;
    try {
      Settings stored = Settings.empty();
      if (settingsFile != null) {
        SettingsStore store = new SettingsStore(settingsFile);
        loader.load(spec, store, facts);
        stored = store.load();
      }
      values = loader.preview(spec, ConfigAssignments.apply(spec, stored, sets), facts).values();
      ConfigValidator.requireComplete(values);
    } catch (ConfigException | IOException e) {
      throw new InputException(e.getMessage());
    }
    SpecInputs inputs = new SpecInputs(spec, SpecTemplates.standard(), values.environment(facts),
        host, registries, hash(specFile, values), clock);
    return new Prepared(inputs, values);
  }

  /** The spec file and every config value: a changed value is a changed spec as it runs. */
  private static String hash(Path specFile, ConfigValues values) throws InputException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(Files.readAllBytes(specFile));
      for (String item : values.screen().names()) {
        String value = values.option(item).orElse("");
        digest.update((item + "=" + value + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new InputException("cannot read " + specFile + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
