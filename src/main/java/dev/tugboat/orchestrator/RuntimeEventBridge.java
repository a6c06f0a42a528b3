package dev.tugboat.orchestrator;

import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeEvent;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Turns Docker's event stream (filtered to one run's labels) into loop events. A start is handed on
 * with the instance's address and ports, read by an inspect on a worker so the stream is never held
 * up: a die is posted at once, which may put a quick container's exit ahead of its start in the
 * loop's queue; the planner keeps such an exit until it has seen the start.
 */
final class RuntimeEventBridge implements RuntimeEventListener {

  private final ContainerRuntime runtime;
  private final EventBus bus;
  private final Executor inspectors;
  private final Consumer<String> onLost;
  private final RunTiming timing;
  private volatile String endMessage;

  /** {@code onLost} hears why the stream ended when it broke or the engine ended it. */
  RuntimeEventBridge(ContainerRuntime runtime, EventBus bus, Executor inspectors,
      Consumer<String> onLost, RunTiming timing) {
    this.runtime = runtime;
    this.bus = bus;
    this.inspectors = inspectors;
    this.onLost = onLost;
    this.timing = timing;
  }

  /** Whether this stream broke or the engine ended it (closing it ourselves is neither). */
  boolean hasEnded() {
    return endMessage != null;
  }

  String endMessage() {
    return endMessage == null ? "" : endMessage;
  }

  @Override
  public void onEvent(RuntimeEvent event) {
    String id = event.container().id().value();
    if (event instanceof RuntimeEvent.Started started) {
      Optional<ContainerKey> key = InstanceLabels.keyOf(started.container().labels());
      key.ifPresent(k -> inspectors.execute(() -> bus.post(startedEvent(k, started))));
    } else if (event instanceof RuntimeEvent.Died died) {
      timing.dieReceived(id, died.time());
      bus.post(new RunEvent.ContainerExited(id, died.exitCode(), died.time()));
    } else if (event instanceof RuntimeEvent.Destroyed) {
      bus.post(new RunEvent.ContainerRemoved(id));
    } else if (event instanceof RuntimeEvent.HealthChanged health) {
      bus.post(new RunEvent.ContainerHealthChanged(id,
          health.status().name().toLowerCase(Locale.ROOT)));
    }
  }

  private RunEvent.ContainerStarted startedEvent(ContainerKey key, RuntimeEvent.Started started) {
    String address = "";
    List<BoundPort> ports = List.of();
    try {
      Optional<ContainerInfo> info = runtime.inspect(started.container().id());
      if (info.isPresent()) {
        address = info.get().ipAddress().orElse("");
        ports = InstanceObserver.boundPorts(info.get());
      }
    } catch (RuntimeFailure e) {
      // Without its address a port-listen probe says so and the event's timeout still applies.
    }
    return new RunEvent.ContainerStarted(key, started.container().id().value(), started.time(),
        address, ports);
  }

  /** A broken stream may have lost events: whoever listens subscribes again and looks again. */
  @Override
  public void onEnd(StreamEnd end) {
    if (end instanceof StreamEnd.Failed failed) {
      endMessage = String.valueOf(failed.failure().getMessage());
      onLost.accept(endMessage);
    } else if (end instanceof StreamEnd.EndedByEngine) {
      endMessage = "Docker ended its event stream";
      onLost.accept(endMessage);
    }
  }
}
