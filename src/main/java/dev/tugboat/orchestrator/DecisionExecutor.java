package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.trigger.ProbedTriggers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Acts, does not decide: carries out the planner's decisions. Called on the loop thread; anything
 * that blocks (Docker calls, probes) goes to the worker pool, anything later to the scheduler, and
 * every result comes back to the loop as an event on the bus. Never changes run state itself.
 *
 * <p>Every kind of {@link Decision} is named in {@link #perform}, those with nothing to carry out
 * too, and the dispatch ends in an {@link AssertionError}: {@code DecisionDispatchTest} performs one
 * decision of each permitted subclass, so a new kind cannot be dropped silently.
 */
final class DecisionExecutor {

  private final StartPlan plan;
  private final ContainerRuntime runtime;
  private final Executor workers;
  private final LoopScheduler scheduler;
  private final EventBus bus;
  private final Launcher launcher;
  private final ProbedTriggers triggers;
  private final RunTiming timing;
  private final EventProber prober;
  private final InstanceRemovals removals;

  DecisionExecutor(StartPlan plan, ContainerRuntime runtime, Executor workers,
      LoopScheduler scheduler, EventBus bus, Launcher launcher, ProbedTriggers triggers,
      RunTiming timing) {
    this.plan = plan;
    this.runtime = runtime;
    this.workers = workers;
    this.scheduler = scheduler;
    this.bus = bus;
    this.launcher = launcher;
    this.triggers = triggers;
    this.timing = timing;
    this.prober = new EventProber(plan, triggers, workers, scheduler, bus, timing);
    this.removals = new InstanceRemovals(runtime, workers);
  }

  /** The loop's state after its latest step that changed it: what a probe asks again on. */
  void stateIs(RunState state) {
    prober.stateIs(state);
  }

  /**
   * Acts on a step's decisions in order; removals next to each other are carried out together,
   * and the loop goes on once all of them are done (on the loop thread, unlike every other Docker
   * call: a launch decided in the same step may reuse a removed instance's name).
   */
  void performAll(List<Decision> decisions, RunState state) {
    List<Decision.RemoveInstance> pending = new java.util.ArrayList<>();
    for (Decision decision : decisions) {
      if (decision instanceof Decision.RemoveInstance removal) {
        pending.add(removal);
        continue;
      }
      removals.removeAll(pending);
      pending.clear();
      perform(decision, state);
    }
    removals.removeAll(pending);
  }

  void perform(Decision decision, RunState state) {
    if (decision instanceof Decision.Launch d) {
      launch(d.container(), state);
    } else if (decision instanceof Decision.Restart d) {
      restart(d.container(), state.instance(d.container()).containerId());
    } else if (decision instanceof Decision.ScheduleRestart d) {
      scheduler.schedule(d.delay(), () -> bus.post(new RunEvent.RestartDue(d.container())));
    } else if (decision instanceof Decision.Stop d) {
      stop(d, state.instance(d.container()).containerId());
    } else if (decision instanceof Decision.Probe d) {
      prober.probe(d, state);
    } else if (decision instanceof Decision.ScheduleDeadline d) {
      scheduler.schedule(d.timeout(), () -> bus.post(new RunEvent.EventDeadlinePassed(d.event())));
    } else if (decision instanceof Decision.CaptureOutput d) {
      workers.execute(() -> bus.post(new RunEvent.OutputCaptured(d.container(),
          lastLines(d.containerId()))));
    } else if (decision instanceof Decision.CheckReady d) {
      checkReady(d, state);
    } else if (decision instanceof Decision.RemoveInstance d) {
      removals.removeAll(List.of(d));
    } else if (decision instanceof Decision.ScheduleReadyDeadline d) {
      scheduler.schedule(d.timeout(), () -> bus.post(new RunEvent.ReadyDeadlinePassed()));
    } else if (decision instanceof Decision.Fire || decision instanceof Decision.Finished
        || decision instanceof Decision.Block || decision instanceof Decision.ChangeApp
        || decision instanceof Decision.EndRun) {
      // Records of what the planner concluded: the state and the status already show them.
      return;
    } else {
      throw new AssertionError("the executor has no action for " + decision.getClass().getName());
    }
  }

  private void launch(ContainerKey key, RunState state) {
    timing.launchPerformed(key);
    PreparedContainer prepared;
    try {
      prepared = launcher.prepare(key, state);
    } catch (Launcher.LaunchException e) {
      bus.post(new RunEvent.LaunchFailed(key, e.getMessage()));
      return;
    }
    workers.execute(() -> {
      try {
        timing.createSent(key);
        ContainerId id = runtime.create(prepared.config());
        timing.createAnswered(key);
        bus.post(new RunEvent.ContainerCreated(key, id.value(), prepared.config().name()));
        if (!prepared.files().isEmpty()) {
          runtime.copyFiles(id, prepared.files());
        }
        startOnce(key, id);
      } catch (RuntimeFailure e) {
        bus.post(new RunEvent.LaunchFailed(key, e.getMessage()));
      }
    });
  }

  /**
   * A start the engine did not answer within its deadline may still be carried out: a busy engine
   * given hundreds of containers at once answers some starts late, and failing the app for that
   * left it failed with its containers running. As for a stop, the start is asked again with the
   * reconnection's back-off until the engine answers; the start event tells the loop when it ran.
   * A start the engine carried out is never asked again: an ephemeral container may already have
   * run and exited, and starting it again would run a migration twice.
   */
  private void startOnce(ContainerKey key, ContainerId id) {
    untilAnswered(0, attempt -> {
      if (attempt == 0 || !wasStarted(id)) {
        runtime.start(id);
      }
    }, failure -> bus.post(new RunEvent.LaunchFailed(key, failure.getMessage())));
  }

  /** Whether the engine ran the container since its create: any state but created says so. */
  private boolean wasStarted(ContainerId id) {
    return runtime.inspect(id).map(info -> info.state() != ContainerState.CREATED).orElse(false);
  }

  private void restart(ContainerKey key, String containerId) {
    workers.execute(() -> {
      try {
        runtime.start(ContainerId.of(containerId));
      } catch (RuntimeFailure e) {
        afterFailedRestart(key, containerId, e);
      }
    });
  }

  /**
   * A restart of a container removed meanwhile ({@code docker rm -f}: Docker reports the die
   * before the removal, and the back-off may end between them) is no failure of the app: gone, it
   * is reported removed, which launches a new one; still being removed, Docker's {@code destroy}
   * event reports it (or the next periodic look does). Anything else failed the restart.
   */
  private void afterFailedRestart(ContainerKey key, String containerId, RuntimeFailure failure) {
    Optional<ContainerState> now;
    try {
      now = runtime.inspect(ContainerId.of(containerId)).map(ContainerInfo::state);
    } catch (RuntimeFailure e) {
      now = Optional.of(ContainerState.EXITED);
    }
    if (now.isEmpty()) {
      bus.post(new RunEvent.ContainerRemoved(containerId));
    } else if (now.get() != ContainerState.REMOVING) {
      bus.post(new RunEvent.LaunchFailed(key, "restart failed: " + failure.getMessage()));
    }
  }

  /**
   * A stop with a timeout only sends the stop signal and sets a timer: a worker thread waiting out
   * each container's timeout would let only as many containers stop together as there are workers
   * (50 that ignore SIGTERM took 44 s in waves of 16). The exit arrives as a die event; the timer
   * makes the loop decide a kill ({@code Stop} with a zero timeout) if none came. The timer counts
   * from the decision, not from the engine's answer to the signal: the stop timeout bounds the
   * stop however slowly a busy engine takes hundreds of signals in. The engine marks
   * a container not running before it sends the die, so once the status says stopped, an inspect
   * says so too (its list of containers may lag a moment: that is only updated after the die).
   * The timer lives as long as the loop; a daemon that restarted mid-stop signals again and sets
   * a new one when it recovers the run.
   */
  private void stop(Decision.Stop stop, String containerId) {
    if (stop.timeout().isZero()) {
      workers.execute(() -> stopOnce(stop, containerId));
    } else {
      scheduler.schedule(stop.timeout(),
          () -> bus.post(new RunEvent.StopTimedOut(stop.container(), containerId)));
      workers.execute(() -> signalOnce(stop, containerId));
    }
  }

  private void signalOnce(Decision.Stop stop, String containerId) {
    untilAnswered(0, attempt -> runtime.signalStop(ContainerId.of(containerId)),
        failure -> stopFailed(stop, containerId, failure));
  }


  /**
   * A container that is gone cannot run: it is reported removed, as Docker's destroy event would,
   * and ends stopped. Any other failure leaves it stopped with the reason shown.
   */
  private void stopFailed(Decision.Stop stop, String containerId, RuntimeFailure failure) {
    if (failure.kind() == RuntimeFailure.Kind.NO_SUCH_CONTAINER) {
      bus.post(new RunEvent.ContainerRemoved(containerId));
    } else {
      bus.post(new RunEvent.StopCompleted(stop.container(),
          "could not stop: " + failure.getMessage()));
    }
  }

  /**
   * An engine that does not answer (paused, restarting) leaves the container's fate unknown: it may
   * still run, so it is not taken as stopped. The stop is asked again, with the reconnection's
   * back-off, until the engine answers; the container's exit, seen first, makes a late answer moot.
   */
  private void stopOnce(Decision.Stop stop, String containerId) {
    untilAnswered(0, attempt -> {
      runtime.stop(ContainerId.of(containerId), stop.timeout());
      bus.post(new RunEvent.StopCompleted(stop.container(), ""));
    }, failure -> stopFailed(stop, containerId, failure));
  }

  /**
   * Makes {@code call} (told which attempt it is); an engine that does not answer (paused,
   * restarting, too busy to answer in time) is asked again with the reconnection's back-off until
   * it does, and any other failure goes to {@code failed}.
   */
  private void untilAnswered(int attempt, EngineCall call, Consumer<RuntimeFailure> failed) {
    try {
      call.make(attempt);
    } catch (RuntimeFailure e) {
      if (e.kind() == RuntimeFailure.Kind.ENGINE_UNREACHABLE) {
        scheduler.schedule(RunConnection.backoff(attempt),
            () -> workers.execute(() -> untilAnswered(attempt + 1, call, failed)));
        return;
      }
      failed.accept(e);
    }
  }

  /** One call to the engine, or a few that belong together. */
  @FunctionalInterface
  private interface EngineCall {
    void make(int attempt);
  }

  private void checkReady(Decision.CheckReady decision, RunState state) {
    ReadyProbe probe;
    try {
      probe = launcher.readyProbe(state);
    } catch (Launcher.LaunchException e) {
      bus.post(new RunEvent.ReadyCheckResult(ProbeOutcome.pending(e.getMessage())));
      return;
    }
    scheduler.schedule(decision.delay(), () -> workers.execute(() ->
        bus.post(new RunEvent.ReadyCheckResult(EventProber.safely(probe::check)))));
  }

  private List<String> lastLines(String containerId) {
    try {
      return runtime.logs(ContainerId.of(containerId), ExitRules.OUTPUT_LINES).stream()
          .map(LogLine::text)
          .toList();
    } catch (RuntimeFailure e) {
      return List.of("(could not read its output: " + e.getMessage() + ")");
    }
  }
}
