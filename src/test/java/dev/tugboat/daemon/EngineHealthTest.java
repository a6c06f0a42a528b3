package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.EngineStatus;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineHealthTest {

  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  /** The pinger's thread, run by hand: what it holds is what is under way. */
  private final Queue<Runnable> pings = new ArrayDeque<>();
  private final Executor pinger = pings::add;
  private final EngineHealth health = new EngineHealth(runtime, pinger, clock);

  @Test
  void aFloodOfHealthChecksMakesOnePingASecond() {
    CompletableFuture<Boolean> first = health.reachable();
    for (int i = 0; i < 1000; i++) {
      health.reachable();
    }
    assertThat(pings).hasSize(1);
    runPings();
    assertThat(first).isCompletedWithValue(true);

    clock.advance(Duration.ofMillis(1000));
    assertThat(health.reachable()).isCompletedWithValue(true);
    assertThat(pings).isEmpty();

    clock.advance(Duration.ofMillis(1));
    CompletableFuture<Boolean> later = health.reachable();
    assertThat(pings).hasSize(1);
    runPings();
    assertThat(later).isCompletedWithValue(true);
  }

  @Test
  void anEngineThatDoesNotAnswerQueuesNothingAndACallersTimeoutLeavesThePingToTheOthers() {
    CompletableFuture<Boolean> impatient = health.reachable()
        .completeOnTimeout(false, 1, TimeUnit.NANOSECONDS);
    CompletableFuture<Boolean> patient = health.reachable();
    assertThat(impatient.join()).isFalse();
    assertThat(patient).isNotDone();
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofSeconds(1));
      health.reachable();
    }
    assertThat(pings).hasSize(1);
    runPings();
    assertThat(patient).isCompletedWithValue(true);
  }

  @Test
  void anEngineThatIsDownIsUnreachableAndSeenAgainOnceItIsBack() {
    runtime.stopEngine();
    CompletableFuture<Boolean> down = health.reachable();
    runPings();
    assertThat(down).isCompletedWithValue(false);

    runtime.startEngine();
    assertThat(health.reachable()).isCompletedWithValue(false);
    clock.advance(Duration.ofSeconds(2));
    CompletableFuture<Boolean> back = health.reachable();
    runPings();
    assertThat(back).isCompletedWithValue(true);
  }

  private void runPings() {
    Runnable ping;
    while ((ping = pings.poll()) != null) {
      ping.run();
    }
  }

  @Test
  void aPingThatEndsBeforeItIsWatchedIsStillTheAnswer() {
    // an engine that refuses at once ends the ping before reachable() has returned
    EngineHealth inline = new EngineHealth(runtime, Runnable::run, clock);
    runtime.stopEngine();
    assertThat(inline.reachable()).isCompletedWithValue(false);
    runtime.startEngine();
    clock.advance(Duration.ofSeconds(2));
    assertThat(inline.reachable()).isCompletedWithValue(true);
  }

  @Test
  void aPingUnansweredForTwoSecondsMakesTheStatusSayTheEngineDoesNotAnswerSinceThePing() {
    List<EngineStatus> changes = new ArrayList<>();
    EngineHealth watched = new EngineHealth(runtime, pinger, clock, changes::add);
    Instant asked = clock.instant();
    watched.check();
    assertThat(pings).as("the check pings").hasSize(1);
    clock.advance(Duration.ofMillis(1999));
    watched.check();
    assertThat(watched.status().answering()).isTrue();

    clock.advance(Duration.ofMillis(1));
    watched.check();
    assertThat(watched.status()).isEqualTo(EngineStatus.notAnswering(asked,
        "no answer to a ping for 2 s or more"));
    EngineStatus silent = watched.status();
    clock.advance(Duration.ofSeconds(10));
    watched.check();
    assertThat(watched.status()).as("unchanged: the same value").isSameAs(silent);
    assertThat(pings).as("still one ping under way").hasSize(1);

    runPings();
    assertThat(watched.status()).isSameAs(EngineStatus.ANSWERING);
    assertThat(changes).containsExactly(silent, EngineStatus.ANSWERING);
  }

  @Test
  void aFailedPingGivesItsReasonAndTheOutageKeepsItsFirstMoment() {
    EngineHealth watched = new EngineHealth(runtime, pinger, clock);
    runtime.stopEngine();
    Instant first = clock.instant();
    watched.check();
    runPings();
    assertThat(watched.status().answering()).isFalse();
    assertThat(watched.status().since()).isEqualTo(first);
    assertThat(watched.status().reason()).contains("connection refused (engine stopped)");

    EngineStatus down = watched.status();
    clock.advance(EngineHealth.PERIOD);
    watched.check();
    clock.advance(EngineHealth.SLOW);
    watched.check();
    assertThat(watched.status()).as("a slow ping says nothing new during an outage")
        .isSameAs(down);
    runPings();
    assertThat(watched.status()).as("the same failure: the same value").isSameAs(down);

    runtime.startEngine();
    clock.advance(EngineHealth.PERIOD);
    watched.check();
    runPings();
    assertThat(watched.status().answering()).isTrue();
  }

  @Test
  void aPingThatAnswersIsNeverTakenAsSlowAfterwards() {
    EngineHealth watched = new EngineHealth(runtime, pinger, clock);
    watched.check();
    clock.advance(Duration.ofSeconds(1));
    runPings();
    clock.advance(Duration.ofSeconds(5));
    assertThat(pings).isEmpty();
    watched.check();
    assertThat(watched.status().answering()).as("a new ping, not yet slow").isTrue();
  }
}
