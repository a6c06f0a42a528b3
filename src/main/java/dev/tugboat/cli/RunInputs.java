package dev.tugboat.cli;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.orchestrator.SpecTemplates;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ConfigItemSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Gathers what a run of a spec needs from the command line: config values, templates, host. */
final class RunInputs {

  /** An option or input file is wrong; the message says which and how to fix it. */
  static final class InputException extends Exception {
    InputException(String message) {
      super(message);
    }
  }

  private RunInputs() {}

  static SpecInputs of(AppSpec spec, Path specFile, Path settingsFile, List<String> sets,
      HostAddresses host, Map<String, String> registries, Clock clock) throws InputException {
    Map<String, String> values = parseSets(sets);
    TemplateEnvironment base = new SetValues(spec, values, host, clock);
    return new SpecInputs(spec, SpecTemplates.standard(), base, host, registries,
        hash(specFile, values), clock);
  }

  static Map<String, String> parseSets(List<String> sets) throws InputException {
    Map<String, String> values = new TreeMap<>();
    for (String set : sets) {
      int equals = set.indexOf('=');
      if (equals <= 0) {
        throw new InputException("--set " + set + ": expected ITEM=VALUE");
      }
      values.put(set.substring(0, equals), set.substring(equals + 1));
    }
    return values;
  }

  private static String hash(Path specFile, Map<String, String> values) throws InputException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(Files.readAllBytes(specFile));
      values.forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new InputException("cannot read " + specFile + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Config values from --set, else the item's value, else its default. */
  private static final class SetValues implements TemplateEnvironment {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final AppSpec spec;
    private final HostAddresses host;
    private final Clock clock;

    SetValues(AppSpec spec, Map<String, String> sets, HostAddresses host, Clock clock) {
      this.spec = spec;
      this.host = host;
      this.clock = clock;
      spec.configItems().forEach(item -> values.put(item.name(), value(item)));
      values.putAll(sets);
    }

    private static String value(ConfigItemSpec item) {
      return item.value().isEmpty() ? item.defaultValue() : item.value();
    }

    @Override
    public Optional<String> configOption(String item) {
      return Optional.ofNullable(values.get(item));
    }

    @Override
    public Optional<String> configOptionData(String item) {
      return configOption(item);
    }

    @Override
    public Optional<String> licenseFieldValue(String field) {
      return Optional.empty();
    }

    @Override
    public Optional<String> licenseProperty(String property) {
      return Optional.empty();
    }

    @Override
    public Optional<String> appSetting(String name) {
      return Optional.empty();
    }

    @Override
    public Optional<String> consoleSetting(String name) {
      return Optional.empty();
    }

    @Override
    public AppFacts app() {
      return new AppFacts(spec.name(), spec.version(), spec.version(), spec.version(), true);
    }

    @Override
    public HostFacts host() {
      return host;
    }

    @Override
    public List<String> nodePrivateAddresses(String component, String container) {
      return List.of(host.privateAddress());
    }

    @Override
    public List<String> nodePublicAddresses(String component, String container) {
      return List.of(host.publicAddress());
    }

    @Override
    public List<String> containerExposedPorts(String component, String container, String port) {
      return List.of();
    }

    @Override
    public Instant now() {
      return clock.instant();
    }
  }
}
