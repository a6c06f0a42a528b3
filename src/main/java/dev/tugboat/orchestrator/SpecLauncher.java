package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ServicePlacement;
import dev.tugboat.runtime.ServiceSlot;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.LogConfigSpec;
import dev.tugboat.spec.LogsSpec;
import dev.tugboat.spec.ReadySpec;
import dev.tugboat.trigger.TcpConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a container of the spec with what the run knows now and maps it to what the runtime
 * creates. Runs on the loop thread, so the state it reads is the loop's own.
 */
public final class SpecLauncher implements Launcher {

  private final SpecInputs in;
  private final ContainerKeys keys;
  private final StartPlan plan;
  private final TcpConnector tcp;

  public SpecLauncher(SpecInputs in, ContainerKeys keys, StartPlan plan, TcpConnector tcp) {
    this.in = in;
    this.keys = keys;
    this.plan = plan;
    this.tcp = tcp;
  }

  @Override
  public PreparedContainer prepare(ContainerKey key, RunState state) {
    return prepare(key, state.runId(), rendering(key, state),
        names -> volumesFrom(key, names, state));
  }

  /** What to create for {@code key}, rendered by {@code r}: the launch, and {@link LaunchCheck}. */
  PreparedContainer prepare(ContainerKey key, String runId, Rendering r,
      ContainerConfigMapper.VolumesFrom volumesFrom) {
    ContainerSpec spec = keys.spec(key);
    ContainerConfigMapper.Identity identity = new ContainerConfigMapper.Identity(in.app(),
        runId, in.specHash(), key, plan.container(key).image());
    ContainerConfig config = ContainerConfigMapper.map(spec, identity, r, volumesFrom,
        componentDefaults(key, r));
    Optional<ComponentPlacement> swarm = plan.cluster().of(key);
    if (swarm.isEmpty() && !plan.cluster().isEmpty() && joinsOverlay(config)) {
      // A container of this host talks with the app's Swarm tasks over the app's overlay network.
      config = config.toBuilder().joinNetwork(ServiceNames.network(in.app())).build();
    }
    if (swarm.isPresent()) {
      ServiceConfigCheck.check(config, r);
      ServiceConfigCheck.checkProbedPorts(config, plan.publishedBy(key), r);
      ServicePlacement placement = swarm.get().placement(in.app(), key, spec.ephemeral(),
          SpecPlans.restart(spec));
      // The status names a task as Swarm does (SERVICE.SLOT), not as a container of this host.
      config = config.toBuilder().placement(placement)
          .name(ServiceSlot.of(placement).displayName()).build();
    }
    return new PreparedContainer(config,
        ContainerFilesMapper.map(spec.configFiles(), spec.customerFiles(), r));
  }

  /** On the default bridge: host, none, another container's or a named network stay as set. */
  private static boolean joinsOverlay(ContainerConfig config) {
    return config.networkMode().isEmpty() || config.networkMode().equals("bridge");
  }

  private Rendering rendering(ContainerKey key, RunState state) {
    return new Rendering(in.templates(),
        new RunEnvironment(in.base(), in.host(), keys, state, key.toString(), in.clock(),
            plan.cluster()),
        keys.path(key));
  }

  private ContainerConfigMapper.ComponentDefaults componentDefaults(ContainerKey key, Rendering r) {
    Optional<ComponentSpec> component = in.spec().component(key.component());
    return new ContainerConfigMapper.ComponentDefaults(
        component.map(ComponentSpec::logs).orElse(LogsSpec.NONE),
        component.map(ComponentSpec::logConfig).orElse(LogConfigSpec.NONE),
        component.map(ComponentSpec::hostVolumes).orElse(List.of()),
        r.at(keys.componentPath(key)));
  }

  /** volumes_from names containers of the same component; they must already have started. */
  private List<String> volumesFrom(ContainerKey key, List<String> names, RunState state) {
    List<String> instances = new ArrayList<>();
    for (String name : names) {
      ContainerKey source = keys.resolve(key.component(), name).orElseThrow(() ->
          new LaunchException(key + ": volumes_from names " + name + ", which is not a container "
              + "of component " + key.component()));
      for (InstanceState instance : state.instancesOf(source)) {
        if (instance.containerId().isEmpty()) {
          throw new LaunchException(key + " mounts the volumes of " + instance.key() + ", which "
              + "has not been created yet: start " + key + " on an event of " + source);
        }
        instances.add(instance.containerId());
      }
    }
    return instances;
  }

  @Override
  public ReadyProbe readyProbe(RunState state) {
    ReadySpec ready = in.spec().ready().orElseThrow();
    Rendering r = new Rendering(in.templates(),
        new RunEnvironment(in.base(), in.host(), keys, state, "the ready check", in.clock(),
            plan.cluster()),
        "state.ready");
    return ReadyProbes.of(ready.command(), r.args(ready.args(), "args"), in.host().privateAddress(),
        tcp);
  }
}
