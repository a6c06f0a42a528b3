package dev.tugboat.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TemplateEnvironment} that answers every question from {@link #delegate()}; a subclass
 * overrides only the facts it supplies itself. Environments are layered (config values over the
 * run's facts, run facts over config values), so a method added to {@code TemplateEnvironment} is
 * forwarded here once instead of in every layer.
 */
public abstract class ForwardingTemplateEnvironment implements TemplateEnvironment {

  /** The environment that answers what this one does not override. */
  protected abstract TemplateEnvironment delegate();

  @Override
  public Optional<String> configOption(String item) {
    return delegate().configOption(item);
  }

  @Override
  public Optional<String> configOptionData(String item) {
    return delegate().configOptionData(item);
  }

  @Override
  public Optional<String> licenseFieldValue(String field) {
    return delegate().licenseFieldValue(field);
  }

  @Override
  public Optional<String> licenseProperty(String property) {
    return delegate().licenseProperty(property);
  }

  @Override
  public Optional<String> appSetting(String name) {
    return delegate().appSetting(name);
  }

  @Override
  public Optional<String> consoleSetting(String name) {
    return delegate().consoleSetting(name);
  }

  @Override
  public AppFacts app() {
    return delegate().app();
  }

  @Override
  public HostFacts host() {
    return delegate().host();
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    return delegate().nodePrivateAddresses(component, container);
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    return delegate().nodePublicAddresses(component, container);
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    return delegate().containerExposedPorts(component, container, privatePort);
  }

  @Override
  public Instant now() {
    return delegate().now();
  }
}
