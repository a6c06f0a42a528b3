package dev.tugboat.orchestrator;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What turns a loaded spec into a run: the spec, how to render its templates, the environment of
 * config values ({@code base}), the host's addresses, the registries configured per image source,
 * and the hash of the rendered spec that instances carry as a label.
 */
public record SpecInputs(
    AppSpec spec,
    SpecTemplates templates,
    TemplateEnvironment base,
    TemplateEnvironment.HostFacts host,
    Map<String, String> registries,
    String specHash,
    Clock clock) {

  public SpecInputs {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(host, "host");
    registries = Map.copyOf(registries);
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(clock, "clock");
  }

  /** The app's name as labels and instance names use it. */
  public String app() {
    return InstanceNames.part(spec.name());
  }
}
