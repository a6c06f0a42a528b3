package dev.tugboat.orchestrator;

import dev.tugboat.template.TemplateEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Config values from a map; run facts are the {@link RunEnvironment}'s business, not this one's.
 * Public: tests of other packages that render templates use it too.
 */
public record ConfigMapEnvironment(Map<String, String> values, HostFacts host) implements TemplateEnvironment {

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
    return property.equals("app.id") ? Optional.of("shop") : Optional.empty();
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
    return new AppFacts("shop", "1", "1", "1", true);
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    throw new AssertionError("run facts come from the run");
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    throw new AssertionError("run facts come from the run");
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String port) {
    throw new AssertionError("run facts come from the run");
  }

  @Override
  public Instant now() {
    return Instant.EPOCH;
  }
}
