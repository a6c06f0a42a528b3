package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container with three instances on the in-memory runtime: each is its own Docker container,
 * status shows each, and a daemon killed mid-start resumes without starting any of them twice.
 */
class RunLoopInstancesTest {

  private static final ContainerKey DB = ContainerKey.parse("db/cassandra");
  private static final ContainerKey WEB = ContainerKey.parse("web/shop");
  private static final String DB_UP = "cassandra listens";

  private static LoopHarness cluster() {
    LoopHarness run = new LoopHarness(StartPlan.of(
        List.of(PlannedContainer.service(DB, "cassandra:4").withInstances(3),
            PlannedContainer.service(WEB, "shop:1")),
        List.of(Plans.event(DB_UP, DB, TriggerSpec.of(TriggerKind.PORT_LISTEN, "9042"), WEB))));
    for (int n = 1; n <= 3; n++) {
      run.runtime.scriptNamed("db-cassandra-" + n)
          .opensPortAfter(9042, Duration.ofMillis(1000 + 200L * n));
    }
    return run;
  }

  @Test
  void everyInstanceRunsAndShowsInTheStatus() {
    LoopHarness run = cluster().start().advance(Duration.ofSeconds(5));

    assertThat(run.dockerCalls()).filteredOn(c -> c.startsWith("start "))
        .containsExactly("start db-cassandra-1", "start db-cassandra-2", "start db-cassandra-3",
            "start web-shop");
    assertThat(run.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(run.status().containers()).extracting(RunStatus.ContainerStatus::container)
        .containsExactly("db/cassandra#1", "db/cassandra#2", "db/cassandra#3", "web/shop");
    assertThat(run.status().containers()).extracting(RunStatus.ContainerStatus::state)
        .containsOnly("running");
  }

  @Test
  void aDaemonKilledWhileTheInstancesStartResumesWithoutStartingAnyTwice() {
    LoopHarness dead = cluster().start().advance(Duration.ofMillis(500)).crash();
    dead.advance(Duration.ofSeconds(3)); // the instances listen while nobody watches

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    for (String name : List.of("db-cassandra-1", "db-cassandra-2", "db-cassandra-3", "web-shop")) {
      assertThat(resumed.runtime.history()).filteredOn(h -> h.equals("create " + name)).hasSize(1);
      assertThat(resumed.runtime.history()).filteredOn(h -> h.equals("start " + name)).hasSize(1);
    }
    assertThat(resumed.journal.entries()).extracting(e -> e.record())
        .filteredOn(r -> r instanceof Decision.Fire fire && fire.event().equals(DB_UP))
        .hasSize(1);
  }

  @Test
  void aLaunchOfOneInstanceJournaledButNeverDoneIsDoneOnceAfterTheRestart() {
    ContainerKey second = DB.withInstance(2);
    LoopHarness dying = cluster().holdWorkAfter(entry -> entry.record()
        instanceof Decision.Launch launch && launch.container().equals(second));
    LoopHarness dead = dying.start().advance(Duration.ofMillis(500)).crash();
    assertThat(dead.runtime.history()).doesNotContain("create db-cassandra-2");

    LoopHarness resumed = dead.restart().advance(Duration.ofSeconds(5));

    assertThat(resumed.status().state()).isEqualTo(AppPhase.STARTED);
    assertThat(resumed.runtime.history()).filteredOn(h -> h.startsWith("start db-cassandra-"))
        .containsExactlyInAnyOrder("start db-cassandra-1", "start db-cassandra-2",
            "start db-cassandra-3");
    assertThat(resumed.container(second).state()).isEqualTo("running");
  }
}
