package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.PG_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.Decision;
import dev.tugboat.events.EventBus;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.trigger.ProbedTriggers;
import dev.tugboat.trigger.TcpConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A probe asks again by itself while its answer is the one the loop last saw and nothing it
 * depends on changed in the run: the loop hears only of a new answer, or of the same one once the
 * publisher, the event or the app's phase moved on, and then decides on its new state.
 */
class ProbeUntilChangedTest {

  private final ManualClock clock = new ManualClock();
  private final EventBus bus = new EventBus();
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicBoolean listening = new AtomicBoolean();
  private final DecisionExecutor executor = new DecisionExecutor(Plans.migration(),
      new InMemoryRuntime(clock), Runnable::run, new ManualScheduler(clock), bus, null,
      new ProbedTriggers(new InMemoryRuntime(clock), connector()), RunTiming.NONE);

  private TcpConnector connector() {
    return (address, port, timeout) -> {
      asked.incrementAndGet();
      return listening.get() ? TcpConnector.Answer.ACCEPTED : TcpConnector.Answer.REFUSED;
    };
  }

  /** The run with the database running and the loop having seen one refusal. */
  private RunState refusedOnce() {
    return refusedRun().state;
  }

  private static PlannerDriver refusedRun() {
    PlannerDriver run = new PlannerDriver(Plans.migration());
    run.start();
    run.running(DB);
    ProbeOutcome refused = ProbeOutcome.pending("port 5432 refused connections at "
        + run.instance(DB).observe().address() + ":5432");
    run.probe(PG_READY, refused);
    return run;
  }

  /** The loop's probe asked and refused for half a second, the loop told nothing. */
  private PlannerDriver probingRefusedRun() {
    PlannerDriver run = refusedRun();
    executor.stateIs(run.state);
    executor.perform(new Decision.Probe(PG_READY, Duration.ofMillis(50), "refused"), run.state);
    clock.advance(Duration.ofMillis(500));
    assertThat(posted()).isEmpty();
    return run;
  }

  private List<RunEvent> posted() {
    List<RunEvent> events = new ArrayList<>();
    Optional<RunEvent> next;
    while ((next = bus.poll()).isPresent()) {
      events.add(next.get());
    }
    return events;
  }

  @Test
  void aRefusalTheLoopHasSeenIsAskedAgainWithoutTheLoopUntilThePortAccepts() {
    RunState state = refusedOnce();
    executor.stateIs(state);

    executor.perform(new Decision.Probe(PG_READY, Duration.ofMillis(50), "refused"), state);
    clock.advance(Duration.ofSeconds(2));
    assertThat(asked.get()).as("asked every 50 ms").isGreaterThanOrEqualTo(40);
    assertThat(posted()).as("the loop is not told the same refusal again").isEmpty();

    listening.set(true);
    clock.advance(Duration.ofMillis(50));
    assertThat(posted()).singleElement().isInstanceOfSatisfying(RunEvent.ProbeResult.class,
        result -> assertThat(result.outcome().status()).isEqualTo(ProbeOutcome.Status.PASSED));
    int afterAnswer = asked.get();
    clock.advance(Duration.ofSeconds(1));
    assertThat(asked.get()).as("no probe once the answer changed").isEqualTo(afterAnswer);
  }

  @Test
  void theRunMovingOnElsewhereDoesNotSendTheProbeBackToTheLoop() {
    RunState state = refusedOnce();
    executor.stateIs(state);
    executor.perform(new Decision.Probe(PG_READY, Duration.ofMillis(50), "refused"), state);
    clock.advance(Duration.ofMillis(500));

    executor.stateIs(elsewhereMovedOn(state)); // another step: other containers' news
    clock.advance(Duration.ofMillis(500));

    assertThat(posted()).as("nothing the probe depends on changed").isEmpty();
    listening.set(true);
    clock.advance(Duration.ofMillis(50));
    assertThat(posted()).singleElement().isInstanceOfSatisfying(RunEvent.ProbeResult.class,
        result -> assertThat(result.outcome().status()).isEqualTo(ProbeOutcome.Status.PASSED));
  }

  @Test
  void theLoopIsToldTheSameRefusalOnceThePublisherChangedSoItDecidesOnItsNewState() {
    PlannerDriver run = probingRefusedRun();

    run.exited(DB, 1);
    executor.stateIs(run.state);
    clock.advance(Duration.ofMillis(50));

    assertThat(posted()).singleElement().isInstanceOf(RunEvent.ProbeResult.class);
  }

  @Test
  void theLoopIsToldTheSameRefusalOnceAStopWasAsked() {
    PlannerDriver run = probingRefusedRun();

    run.stop();
    executor.stateIs(run.state);
    clock.advance(Duration.ofMillis(50));

    assertThat(posted()).singleElement().isInstanceOf(RunEvent.ProbeResult.class);
  }

  /** The same run after a step about something else than the database and its event. */
  private static RunState elsewhereMovedOn(RunState s) {
    return new RunState(s.runId(), s.app(), "another container's news", s.createdAt(),
        s.startedAt(), s.instances(), s.events(), s.ready(), "another look", s.stopRequested(),
        s.awaitingOutput(), s.earlyExits(), s.readyDeadlineAt(), s.interrupted(), s.dockerLost(),
        s.dockerLostAt(), s.ended());
  }
}
