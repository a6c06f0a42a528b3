package dev.tugboat.config;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerRef;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts {@code tugboat render} shows a spec with before anything runs: the host's real addresses,
 * the spec's name and version, and for what only a run knows (another container's address or port, a
 * license field) a placeholder such as {@code <address of db/postgres>}. A reference to a container
 * the spec does not have is an error. Config functions answer nothing here: {@link ConfigValues}
 * answers them.
 */
public final class PreviewFacts implements TemplateEnvironment {

  private final AppSpec spec;
  private final HostAddresses host;
  private final Clock clock;

  public PreviewFacts(AppSpec spec, HostAddresses host, Clock clock) {
    this.spec = spec;
    this.host = host;
    this.clock = clock;
  }

  @Override
  public Optional<String> configOption(String item) {
    return Optional.empty();
  }

  @Override
  public Optional<String> configOptionData(String item) {
    return Optional.empty();
  }

  @Override
  public Optional<String> licenseFieldValue(String field) {
    return Optional.of("<license field " + field + ">");
  }

  @Override
  public Optional<String> licenseProperty(String property) {
    return Optional.of(property.equals("app.id") ? "<app id>"
        : "<license property " + property + ">");
  }

  @Override
  public Optional<String> appSetting(String name) {
    return Optional.of("<app setting " + name + ">");
  }

  @Override
  public Optional<String> consoleSetting(String name) {
    return Optional.of("<console setting " + name + ">");
  }

  @Override
  public AppFacts app() {
    return new AppFacts("<app id>", spec.version(), spec.version(), spec.version(), false);
  }

  @Override
  public HostFacts host() {
    return host;
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    return List.of("<address of " + existing(component, container) + ">");
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    return List.of("<public address of " + existing(component, container) + ">");
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    return List.of("<port " + privatePort + " of " + existing(component, container) + ">");
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  private ContainerRef existing(String component, String container) {
    ContainerRef ref = new ContainerRef(component, container);
    if (spec.container(ref).isEmpty()) {
      throw new UnavailableFactException("the spec has no container " + ref
          + " (component name, then image_name or name)");
    }
    return ref;
  }
}
