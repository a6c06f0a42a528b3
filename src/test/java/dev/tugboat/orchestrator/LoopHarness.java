package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InMemoryJournal;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.trigger.TcpConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run against the in-memory runtime in virtual time: the worker pool runs tasks at once, the
 * scheduler and the runtime's scripts move with the clock, and the loop handles every event as
 * soon as it is posted. No threads, no sleeping.
 */
final class LoopHarness implements ManualClock.Timeline {

  final ManualClock clock = new ManualClock();
  final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final InMemoryJournal journal = new InMemoryJournal();
  final Run run;
  private Function<RunState, ProbeOutcome> ready = state -> ProbeOutcome.passed("ok");

  LoopHarness(StartPlan plan) {
    TcpConnector connector = (address, port, timeout) -> runtime.isListening(address, port)
        ? TcpConnector.Answer.ACCEPTED : TcpConnector.Answer.REFUSED;
    run = new Run(new Run.Setup("shop", "run-1", plan, runtime, new TestLauncher(plan), clock,
        journal, Runnable::run, scheduler, connector, status -> {}));
    clock.register(this);
  }

  static String nameOf(ContainerKey key) {
    return key.component() + "-" + key.container();
  }

  LoopHarness readyCheck(Function<RunState, ProbeOutcome> check) {
    ready = check;
    return this;
  }

  LoopHarness start() {
    run.start();
    run.loop().drain();
    return this;
  }

  LoopHarness advance(Duration duration) {
    clock.advance(duration);
    run.loop().drain();
    return this;
  }

  LoopHarness stop() {
    run.requestStop("interrupted");
    run.loop().drain();
    return this;
  }

  RunStatus status() {
    return run.status();
  }

  RunStatus.ContainerStatus container(ContainerKey key) {
    return status().container(key.toString()).orElseThrow();
  }

  /** The runtime's history, limited to the verbs that show ordering. */
  List<String> dockerCalls() {
    return runtime.history().stream()
        .filter(h -> h.startsWith("create ") || h.startsWith("start ") || h.startsWith("stop ")
            || h.startsWith("exit ") || h.startsWith("port-open ") || h.startsWith("pull "))
        .toList();
  }

  @Override
  public Optional<Instant> nextDue() {
    return Optional.empty();
  }

  @Override
  public void runDue(Instant now) {
    run.loop().drain();
  }

  private final class TestLauncher implements Launcher {
    private final StartPlan plan;

    TestLauncher(StartPlan plan) {
      this.plan = plan;
    }

    @Override
    public PreparedContainer prepare(ContainerKey key, RunState state) {
      ContainerConfig config = ContainerConfig.builder(plan.container(key).image())
          .name(nameOf(key))
          .labels(InstanceLabels.of("shop", state.runId(), key, "hash"))
          .build();
      return new PreparedContainer(config, List.of());
    }

    @Override
    public ReadyProbe readyProbe(RunState state) {
      return () -> ready.apply(state);
    }
  }
}
