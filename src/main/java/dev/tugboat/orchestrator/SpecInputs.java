package dev.tugboat.orchestrator;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.TemplateEnvironment;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What turns a loaded spec into a run: the spec, how to render its templates, the environment of
 * config values ({@code base}), the host's addresses, the registries configured per image source,
 * the hash of the rendered spec that instances carry as a label, and the swarm's nodes when this
 * engine manages one (clustered components run there).
 */
public record SpecInputs(
    AppSpec spec,
    SpecTemplates templates,
    TemplateEnvironment base,
    TemplateEnvironment.HostFacts host,
    Map<String, String> registries,
    String specHash,
    Clock clock,
    SwarmFacts swarm) {

  public SpecInputs {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(host, "host");
    registries = Map.copyOf(registries);
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(swarm, "swarm");
  }

  /** Inputs of a run on this host alone. */
  public SpecInputs(AppSpec spec, SpecTemplates templates, TemplateEnvironment base,
      TemplateEnvironment.HostFacts host, Map<String, String> registries, String specHash,
      Clock clock) {
    this(spec, templates, base, host, registries, specHash, clock, SwarmFacts.none());
  }

  /** The same inputs with the swarm as found now. */
  public SpecInputs withSwarm(SwarmFacts found) {
    return new SpecInputs(spec, templates, base, host, registries, specHash, clock, found);
  }

  /** The app's name as labels and instance names use it. */
  public String app() {
    return InstanceNames.part(spec.name());
  }
}
