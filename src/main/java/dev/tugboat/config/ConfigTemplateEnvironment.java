package dev.tugboat.config;

import dev.tugboat.template.ForwardingTemplateEnvironment;
import dev.tugboat.template.TemplateEnvironment;
import java.util.Optional;

/**
 * A {@link TemplateEnvironment} whose config functions answer from config values and whose other
 * facts (host, app, license, containers, time) come from another environment: the run's facts in the
 * orchestrator, placeholders in {@code tugboat render}.
 */
public final class ConfigTemplateEnvironment extends ForwardingTemplateEnvironment {

  private final ConfigLookup config;
  private final TemplateEnvironment facts;

  public ConfigTemplateEnvironment(ConfigLookup config, TemplateEnvironment facts) {
    this.config = config;
    this.facts = facts;
  }

  @Override
  protected TemplateEnvironment delegate() {
    return facts;
  }

  @Override
  public Optional<String> configOption(String item) {
    return config.option(item);
  }

  @Override
  public Optional<String> configOptionData(String item) {
    return config.data(item);
  }
}
