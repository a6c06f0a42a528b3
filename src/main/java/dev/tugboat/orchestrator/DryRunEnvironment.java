package dev.tugboat.orchestrator;

import dev.tugboat.template.ForwardingTemplateEnvironment;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The environment of a render before anything started ({@link LaunchCheck}): config values and
 * app facts from {@code base}; a node's address is the host's, as it will be on one host; only a
 * fact that exists once a container runs (the host port Docker chooses) is not known yet, and a
 * template that needs one is left for the real render.
 */
final class DryRunEnvironment extends ForwardingTemplateEnvironment {

  private final TemplateEnvironment base;
  private final HostFacts host;
  private final ContainerKeys keys;
  private final StartPlan plan;
  private final Clock clock;

  DryRunEnvironment(TemplateEnvironment base, HostFacts host, ContainerKeys keys, StartPlan plan,
      Clock clock) {
    this.base = base;
    this.host = host;
    this.keys = keys;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  protected TemplateEnvironment delegate() {
    return base;
  }

  /** One address per instance the plan runs, as the run's environment gives them. */
  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    int placed = placed(component, container);
    return swarm(component, container, placed)
        .map(swarm -> swarm.nodeAddresses(host.privateAddress()))
        .orElseGet(() -> Collections.nCopies(placed, host.privateAddress()));
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    int placed = placed(component, container);
    return swarm(component, container, placed)
        .map(swarm -> swarm.nodeAddresses(host.publicAddress()))
        .orElseGet(() -> Collections.nCopies(placed, host.publicAddress()));
  }

  private java.util.Optional<ComponentPlacement> swarm(String component, String container,
      int placed) {
    return placed == 0 ? java.util.Optional.empty()
        : keys.resolve(component, container).flatMap(plan.cluster()::of);
  }

  private int placed(String component, String container) {
    PlannedContainer planned = keys.resolve(component, container).filter(plan::contains)
        .map(plan::container)
        .orElseThrow(() -> new UnavailableFactException("there is no container " + component
            + "/" + container + " in the spec"));
    return planned.skipped() ? 0 : planned.instances();
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    throw new UnavailableFactException("the host port of " + component + "/" + container
        + " is known once it runs");
  }

  @Override
  public HostFacts host() {
    return host;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }
}
