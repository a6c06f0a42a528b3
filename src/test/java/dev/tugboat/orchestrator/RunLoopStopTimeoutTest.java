package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A stop sends the stop signal and leaves the kill to a timer, so containers that may stop
 * together do, however many there are: no thread waits out a container's stop timeout.
 */
class RunLoopStopTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void fiftyContainersThatIgnoreTheStopSignalAreAllKilledOnceTheirTimeoutHasPassed() {
    List<PlannedContainer> containers = IntStream.rangeClosed(1, 50)
        .mapToObj(n -> PlannedContainer.service(ContainerKey.parse("web" + n + "/httpd"), "httpd:1"))
        .toList();
    LoopHarness run = new LoopHarness(StartPlan.of(containers, List.of()));
    containers.forEach(c -> run.runtime.scriptNamed(LoopHarness.nameOf(c.key())).ignoresSigterm());
    run.start().advance(Duration.ofSeconds(1));
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);

    run.stop();

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("signal ")).hasSize(50);
    assertThat(run.runtime.history()).noneMatch(h -> h.startsWith("stop "));
    run.advance(TIMEOUT.minusMillis(1));
    assertThat(run.status().ended()).isFalse();
    assertThat(run.runtime.history()).noneMatch(h -> h.startsWith("stop "));

    run.advance(Duration.ofMillis(1));

    assertThat(run.runtime.history()).filteredOn(h -> h.startsWith("stop ")).hasSize(50);
    assertThat(run.status().ended()).isTrue();
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(run.container(containers.get(0).key()).summary()).isEqualTo("stopped (exit 137)");
  }

  @Test
  void aContainerThatHeedsTheStopSignalIsNeverKilled() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));

    run.stop().advance(TIMEOUT.multipliedBy(2));

    assertThat(run.runtime.history()).noneMatch(h -> h.startsWith("stop "));
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(run.container(Plans.APP).summary()).isEqualTo("stopped (exit 143)");
  }

  @Test
  void upstreamContainersAreSignalledOnlyOnceTheirSubscribersWereKilled() {
    LoopHarness run = LoopHarness.migration();
    run.runtime.scriptNamed(LoopHarness.nameOf(Plans.APP)).ignoresSigterm();
    run.start().advance(Duration.ofSeconds(10));

    run.stop();
    assertThat(signalsAndKills(run)).containsExactly("signal python-app-pythonapp");

    run.advance(TIMEOUT);

    assertThat(signalsAndKills(run)).containsExactly("signal python-app-pythonapp",
        "stop python-app-pythonapp", "signal db-postgres");
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
  }

  @Test
  void theKillTimerOfADaemonThatRestartedMidStopIsSetAgain() {
    LoopHarness run = LoopHarness.migration();
    run.runtime.scriptNamed(LoopHarness.nameOf(Plans.APP)).ignoresSigterm();
    run.start().advance(Duration.ofSeconds(10));
    run.stop();

    LoopHarness restarted = run.restart().advance(TIMEOUT);

    assertThat(restarted.status().state()).isEqualTo(AppPhase.STOPPED);
    assertThat(restarted.container(Plans.APP).summary()).isEqualTo("stopped (exit 137)");
  }

  @Test
  void aKillTheEngineDoesNotAnswerIsAskedAgainAndNothingIsTakenAsStoppedMeanwhile() {
    LoopHarness run = LoopHarness.migration();
    run.runtime.scriptNamed(LoopHarness.nameOf(Plans.APP)).ignoresSigterm();
    run.start().advance(Duration.ofSeconds(10));
    run.stop();
    assertThat(signalsAndKills(run)).containsExactly("signal python-app-pythonapp");

    run.runtime.pauseEngine();
    run.advance(TIMEOUT.plusSeconds(40));
    assertThat(run.status().ended()).isFalse();
    assertThat(run.container(Plans.APP).state()).isEqualTo("stopping");

    run.runtime.resumeEngine();
    run.advance(Duration.ofSeconds(11));
    assertThat(run.container(Plans.APP).summary()).isEqualTo("stopped (exit 137)");
    run.advance(TIMEOUT);
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
  }

  @Test
  void aContainerAlreadyGoneWhenItIsToStopEndsStoppedAndTheRunEnds() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.unseen(() -> run.runtime.removeNamed(LoopHarness.nameOf(Plans.APP)));

    run.stop().advance(TIMEOUT);

    assertThat(run.container(Plans.APP).state()).isEqualTo("stopped");
    assertThat(run.container(Plans.APP).summary()).doesNotContain("could not stop");
    assertThat(run.status().ended()).isTrue();
    assertThat(run.status().state()).isEqualTo(AppPhase.STOPPED);
  }

  @Test
  void aStopTimeoutOfZeroKillsAtOnceWithoutATimer() {
    ContainerKey key = ContainerKey.parse("web/httpd");
    LoopHarness run = new LoopHarness(StartPlan.of(List.of(
        PlannedContainer.service(key, "httpd:1").withStopTimeout(Duration.ZERO)), List.of()));
    run.runtime.scriptNamed(LoopHarness.nameOf(key)).ignoresSigterm();
    run.start().advance(Duration.ofSeconds(1));

    run.stop();

    assertThat(signalsAndKills(run)).containsExactly("stop web-httpd");
    assertThat(run.status().ended()).isTrue();
    assertThat(run.container(key).summary()).isEqualTo("stopped (exit 137)");
  }

  private static List<String> signalsAndKills(LoopHarness run) {
    return new ArrayList<>(run.runtime.history().stream()
        .filter(h -> h.startsWith("signal ") || h.startsWith("stop ")).toList());
  }
}
