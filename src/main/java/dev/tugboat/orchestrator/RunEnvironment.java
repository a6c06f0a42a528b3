package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.template.ForwardingTemplateEnvironment;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run-time part of the template environment: addresses and host ports of the containers that
 * have started, for the container about to start ({@code subject}); everything else (config
 * values, license, app facts) comes from {@code base}. One host: a started container's node address
 * is the host's. Reads a state snapshot; never does I/O.
 */
public final class RunEnvironment extends ForwardingTemplateEnvironment {

  private final TemplateEnvironment base;
  private final HostFacts host;
  private final ContainerKeys keys;
  private final RunState state;
  private final String subject;
  private final Clock clock;

  public RunEnvironment(TemplateEnvironment base, HostFacts host, ContainerKeys keys,
      RunState state, String subject, Clock clock) {
    this.base = base;
    this.host = host;
    this.keys = keys;
    this.state = state;
    this.subject = subject;
    this.clock = clock;
  }

  @Override
  protected TemplateEnvironment delegate() {
    return base;
  }

  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    started(component, container, "address");
    return List.of(host.privateAddress());
  }

  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    started(component, container, "address");
    return List.of(host.publicAddress());
  }

  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    InstanceState instance = started(component, container, "port " + privatePort);
    List<String> ports = instance.ports().stream()
        .filter(p -> String.valueOf(p.privatePort()).equals(privatePort.trim()) && p.hostPort() != 0)
        .map(p -> String.valueOf(p.hostPort()))
        .distinct()
        .toList();
    if (!ports.isEmpty()) {
      return ports;
    }
    // A host-networked container's ports are the host's own.
    if (instance.address().equals(ContainerInfo.HOST_NETWORK_ADDRESS)) {
      return List.of(privatePort.trim());
    }
    throw new UnavailableFactException(component + "/" + container + " publishes no host port for"
        + " port " + privatePort.trim() + ", so " + subject + " cannot use it: list it in that"
        + " container's ports, or let Docker publish it (the image EXPOSEs it and"
        + " disable_publish_all_ports is not set)");
  }

  private InstanceState started(String component, String container, String what) {
    Optional<ContainerKey> key = keys.resolve(component, container);
    if (key.isEmpty() || !state.instances().containsKey(key.get())) {
      throw new UnavailableFactException("there is no container " + component + "/" + container
          + " in the spec");
    }
    InstanceState instance = state.instance(key.get());
    if (instance.firstStartedAt().isEmpty()) {
      throw new UnavailableFactException(key.get() + " has not started yet, so " + subject
          + " cannot use its " + what + ": start " + subject + " on an event of " + key.get());
    }
    return instance;
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
