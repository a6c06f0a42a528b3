package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.EventSpec;
import dev.tugboat.spec.InstanceCountSpec;
import dev.tugboat.spec.ReadySpec;
import dev.tugboat.spec.SubscriptionSpec;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link StartPlan} of a spec: each container (skipped when its {@code when} renders
 * false), each event with its rendered trigger arguments and its subscribers, and the ready check.
 * Rendering here sees no container facts yet: a {@code when} that needs one is an error.
 */
public final class SpecPlans {

  private SpecPlans() {}

  public static StartPlan plan(SpecInputs in, ContainerKeys keys) {
    RunState nothingStarted = RunState.nothingStarted(keys.keys(), in.clock().instant());
    ClusterLayout cluster = ClusterLayout.plan(in, keys);
    List<PlannedContainer> containers = new ArrayList<>();
    for (ContainerKey key : keys.keys()) {
      containers.add(container(in, key, keys.spec(key),
          rendering(in, keys, nothingStarted, key, cluster), cluster));
    }
    // Events and the ready check see every instance, and no address of a skipped container.
    RunState planned = RunState.beforeStart(containers, in.clock().instant());
    List<PlannedEvent> events = new ArrayList<>();
    for (ContainerKey key : keys.keys()) {
      ContainerSpec spec = keys.spec(key);
      Rendering r = rendering(in, keys, planned, key, cluster);
      for (int i = 0; i < spec.publishEvents().size(); i++) {
        PlannedEvent event = event(key, spec.publishEvents().get(i), r, "publish_events[" + i + "]",
            keys);
        if (cluster.of(key).isPresent()) {
          ServiceConfigCheck.checkTrigger(event.trigger().kind(), event.name(),
              "publish_events[" + i + "]", r);
        }
        events.add(event);
      }
    }
    Rendering readyRendering = new Rendering(in.templates(), new RunEnvironment(in.base(), in.host(),
        keys, planned, "the ready check", in.clock(), cluster), "state.ready");
    return StartPlan.of(containers, events,
        in.spec().ready().map(ready -> ready(ready, readyRendering))).withCluster(cluster);
  }

  private static Rendering rendering(SpecInputs in, ContainerKeys keys, RunState state,
      ContainerKey key, ClusterLayout cluster) {
    return new Rendering(in.templates(),
        new RunEnvironment(in.base(), in.host(), keys, state, key.toString(), in.clock(), cluster),
        keys.path(key));
  }

  /**
   * A container of a component Swarm runs has one instance per task slot, and Swarm restarts its
   * tasks as its {@code restart} says ({@link ComponentPlacement#placement}), so the loop does not.
   */
  private static PlannedContainer container(SpecInputs in, ContainerKey key, ContainerSpec spec,
      Rendering r, ClusterLayout cluster) {
    boolean run;
    int instances;
    Optional<ComponentPlacement> placement = cluster.of(key);
    try {
      run = r.when(spec.when(), "when");
      instances = placement.isPresent() ? placement.get().replicas()
          : InstanceCounts.count(InstanceCountSpec.of(spec), r);
    } catch (Launcher.LaunchException e) {
      throw new PlanException(e.getMessage(), e.getCause());
    }
    RestartPolicy restart = placement.isPresent() ? RestartPolicy.NEVER : restart(spec);
    PlannedContainer planned = new PlannedContainer(key, ImageReference.of(spec, in.registries()),
        spec.ephemeral(), restart, stopTimeout(spec), false, instances);
    return run ? planned : planned.skip();
  }

  static RestartPolicy restart(ContainerSpec spec) {
    return switch (spec.restart().effectivePolicy()) {
      case "always" -> RestartPolicy.ALWAYS;
      case "on-failure" -> new RestartPolicy(RestartPolicy.Kind.ON_FAILURE,
          spec.restart().max().orElse(0));
      default -> RestartPolicy.NEVER;
    };
  }

  private static Duration stopTimeout(ContainerSpec spec) {
    try {
      String text = spec.options().stopTimeout().trim();
      return text.isEmpty() ? PlannedContainer.DEFAULT_STOP_TIMEOUT
          : Duration.ofSeconds(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return PlannedContainer.DEFAULT_STOP_TIMEOUT;
    }
  }

  private static PlannedEvent event(ContainerKey publisher, EventSpec event, Rendering r,
      String field, ContainerKeys keys) {
    TriggerKind kind = TriggerKind.fromSpecName(event.trigger()).orElseThrow(() ->
        new PlanException(r.path(field) + ": unknown trigger \"" + event.trigger() + "\" of event \""
            + event.name() + "\"; use container-start, container-stop, port-listen or exec"));
    TriggerSpec trigger;
    try {
      trigger = new TriggerSpec(kind, r.text(event.data(), field + ".data"),
          r.args(event.args(), field + ".args"));
    } catch (Launcher.LaunchException e) {
      throw new PlanException(e.getMessage(), e.getCause());
    }
    List<ContainerKey> subscribers = new ArrayList<>();
    for (SubscriptionSpec subscription : event.subscriptions()) {
      if (!subscription.action().isEmpty() && !subscription.action().equals("start")) {
        throw new PlanException(r.path(field) + ": event \"" + event.name() + "\" asks to "
            + subscription.action() + " " + subscription.target() + "; the only action is start");
      }
      subscribers.add(keys.resolve(subscription.component(), subscription.container())
          .orElseThrow(() -> new PlanException("event \"" + event.name() + "\" of " + publisher
              + " subscribes " + subscription.target() + ", which is not a container of the spec")));
    }
    return new PlannedEvent(event.name(), publisher, trigger, event.timeout(), subscribers);
  }

  /** Described with its arguments rendered where they can be before anything started. */
  private static ReadyCheck ready(ReadySpec ready, Rendering r) {
    Optional<Duration> timeout = ready.timeoutSeconds() < 0 ? Optional.empty()
        : Optional.of(ready.timeoutSeconds() == 0 ? ReadyCheck.DEFAULT_TIMEOUT
            : Duration.ofSeconds(ready.timeoutSeconds()));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < ready.args().size(); i++) {
      try {
        args.add(r.text(ready.args().get(i), "args[" + i + "]"));
      } catch (Launcher.LaunchException e) {
        args.add(ready.args().get(i));
      }
    }
    return new ReadyCheck(ready.command() + " " + String.join(" ", args), timeout);
  }
}
