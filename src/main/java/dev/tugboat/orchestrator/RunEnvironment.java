package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.template.ForwardingTemplateEnvironment;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.UnavailableFactException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The run-time part of the template environment, for the container about to start ({@code
 * subject}); everything else (config values, license, app facts) comes from {@code base}. Reads a
 * state snapshot; never does I/O.
 *
 * <p>A node's address is known before anything starts: on one host every instance runs on this
 * host, so the {@code Node*IPAddress*} functions answer the host's address (the daemon's
 * configuration may override it) for every instance of any container of the spec, started or
 * not, the container's own included (a clustered database's seed list). A container that {@code
 * when} skipped runs on no node: its {@code *All} list is empty and its first address the empty
 * string, as Replicated answers for a container it scheduled nowhere. Only a fact that exists
 * after a start, the host port Docker chose ({@code ContainerExposedPort*}), waits for it.
 */
public final class RunEnvironment extends ForwardingTemplateEnvironment {

  private final TemplateEnvironment base;
  private final HostFacts host;
  private final ContainerKeys keys;
  private final RunState state;
  private final String subject;
  private final Clock clock;
  private final ClusterLayout cluster;

  public RunEnvironment(TemplateEnvironment base, HostFacts host, ContainerKeys keys,
      RunState state, String subject, Clock clock) {
    this(base, host, keys, state, subject, clock, ClusterLayout.none());
  }

  public RunEnvironment(TemplateEnvironment base, HostFacts host, ContainerKeys keys,
      RunState state, String subject, Clock clock, ClusterLayout cluster) {
    this.base = base;
    this.host = host;
    this.keys = keys;
    this.state = state;
    this.subject = subject;
    this.clock = clock;
    this.cluster = cluster;
  }

  @Override
  protected TemplateEnvironment delegate() {
    return base;
  }

  /**
   * One address per instance that runs, in instance order (1, 2, ...); for a container Swarm runs,
   * the nodes it may run on ({@link ComponentPlacement#nodeAddresses}).
   */
  @Override
  public List<String> nodePrivateAddresses(String component, String container) {
    List<InstanceState> placed = placed(component, container);
    return clustered(placed).map(swarm -> swarm.nodeAddresses(host.privateAddress()))
        .orElseGet(() -> placed.stream().map(i -> host.privateAddress()).toList());
  }

  /** A node's public address is the one it talks to the swarm from: Swarm knows no other. */
  @Override
  public List<String> nodePublicAddresses(String component, String container) {
    List<InstanceState> placed = placed(component, container);
    return clustered(placed).map(swarm -> swarm.nodeAddresses(host.publicAddress()))
        .orElseGet(() -> placed.stream().map(i -> host.publicAddress()).toList());
  }

  private Optional<ComponentPlacement> clustered(List<InstanceState> placed) {
    return placed.isEmpty() ? Optional.empty() : cluster.of(placed.get(0).key());
  }

  /** The host port of every instance, in instance order; waits for every instance's start. */
  @Override
  public List<String> containerExposedPorts(String component, String container, String privatePort) {
    List<String> ports = new ArrayList<>();
    for (InstanceState instance : placed(component, container)) {
      ports.add(hostPort(started(instance, "port " + privatePort), privatePort.trim()));
    }
    return List.copyOf(ports);
  }

  /**
   * The host port one instance publishes for {@code privatePort}: one per instance, so the
   * {@code *All} lists line up with the addresses. Docker binds IPv4 and IPv6 apart and may give
   * them different host ports; the IPv4 binding is the one answered.
   */
  private String hostPort(InstanceState instance, String privatePort) {
    Optional<String> port = instance.ports().stream()
        .filter(p -> String.valueOf(p.privatePort()).equals(privatePort) && p.hostPort() != 0)
        .min(Comparator.comparing((BoundPort p) -> p.hostAddress().contains(":")))
        .map(p -> String.valueOf(p.hostPort()));
    if (port.isPresent()) {
      return port.get();
    }
    // A host-networked container's ports are the host's own.
    if (instance.address().equals(ContainerInfo.HOST_NETWORK_ADDRESS)) {
      return privatePort;
    }
    throw new UnavailableFactException(instance.key() + " publishes no host port for port "
        + privatePort + ", so " + subject + " cannot use it: list it in that container's ports,"
        + " or let Docker publish it (the image EXPOSEs it and disable_publish_all_ports is not"
        + " set)");
  }

  /** The instances of a container of the spec that will run on this host (not skipped). */
  private List<InstanceState> placed(String component, String container) {
    Optional<ContainerKey> key = keys.resolve(component, container);
    List<InstanceState> instances = key.map(state::instancesOf).orElse(List.of());
    if (instances.isEmpty()) {
      throw new UnavailableFactException("there is no container " + component + "/" + container
          + " in the spec (name a component, then a container's image_name or name)");
    }
    return instances.stream().filter(i -> i.phase() != InstancePhase.SKIPPED).toList();
  }

  private InstanceState started(InstanceState instance, String what) {
    if (instance.firstStartedAt().isEmpty()) {
      throw new UnavailableFactException(instance.key() + " has not started yet, so " + subject
          + " cannot use its " + what + ": start " + subject + " on an event of "
          + instance.key().whole());
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
