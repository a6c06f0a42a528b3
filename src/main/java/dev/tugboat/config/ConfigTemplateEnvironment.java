package dev.tugboat.config;

import dev.tugboat.template.TemplateEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TemplateEnvironment} whose config functions answer from config values and whose other
 * facts (host, app, license, containers, time) come from another environment: the run's facts in the
 * orchestrator, placeholders in {@code tugboat render}.
 */
public final class ConfigTemplateEnvironment implements TemplateEnvironment {

  private final ConfigLookup config;
  private final TemplateEnvironment facts;

  public ConfigTemplateEnvironment(ConfigLookup config, TemplateEnvironment facts) {
    this.config = config;
    this.facts = facts;
  }

  @Override
  public Optional<String> configOption(String item) {
    return config.option(item);
  }

  @Override
  public Optional<String> configOptionData(String item) {
    return config.data(item);
  }

  @Override
  public Optional<String> licenseFieldValue(String field) {
    return facts.licenseFieldValue(field);
  }

  @Override
  public Optional<String> licenseProperty(String property) {
    return facts.licenseProperty(property);
  }

  @Override
  public Optional<String> appSetting(String name) {
    return facts.appSetting(name);
  }

  @Override
  public Optional<String> consoleSetting(String name) {
    return facts.consoleSetting(name);
  }

  @Override
  public AppFacts app() {
    return facts.app();
  }

  @Override
  public HostFacts host() {
    return facts.host();
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    return facts.nodePrivateAddresses(component, container);
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    return facts.nodePublicAddresses(component, container);
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    return facts.containerExposedPorts(component, container, privatePort);
  }

  @Override
  public Instant now() {
    return facts.now();
  }
}
