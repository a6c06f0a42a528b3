package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppActionsTest {

  private final AppActions actions = new AppActions(null, new InMemoryRuntime(new ManualClock()),
      null);

  @Test
  void logsOfAContainerTheRunDoesNotHaveNameTheOnesItHas() {
    AppSnapshot snapshot = new AppSnapshot("demo", "1", AppPhase.STARTED, "", null, "",
        Instant.EPOCH, new RunStatus("run-1", "demo", AppPhase.STARTED, "", 3, Instant.EPOCH, false, List.of(
            container("db/tugboat-demo/postgres"), container("app/tugboat-demo/app")), List.of()));

    assertThatThrownBy(() -> actions.logs(snapshot, "db", "postgres", 10))
        .isInstanceOf(AppRefusal.class)
        .hasMessage("no container db/postgres in the current run; its containers:"
            + " db/tugboat-demo/postgres, app/tugboat-demo/app");
  }

  @Test
  void beforeAnyRunThereIsNoListToGive() {
    assertThatThrownBy(() -> actions.logs(AppSnapshot.idle("demo", "1", "never started"), "db",
        "postgres", 10)).hasMessage("no container db/postgres in the current run");
  }

  private static RunStatus.ContainerStatus container(String key) {
    return new RunStatus.ContainerStatus(key, "tugboat-" + key.replace('/', '-'), "id-" + key,
        "running", "running", null, 0, List.of(), List.of(), "root", "", List.of());
  }
}
