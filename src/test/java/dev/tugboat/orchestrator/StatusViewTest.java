package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.ProbeOutcome;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the status snapshot says of the spec's ready check and of the containers as the run moves. */
class StatusViewTest {

  private static final ContainerKey A = ContainerKey.parse("a/one");
  private static final ContainerKey B = ContainerKey.parse("b/two");
  private static final String CHECK = "http_status_code http://10.0.0.5:8000/health 200";

  @Test
  void readyCheckIsNotDueUntilEveryContainerRunsThenCheckingWithWhatItSawThenPassed() {
    StartPlan plan = StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1")),
        List.of(), Optional.of(new ReadyCheck(CHECK, Optional.of(Duration.ofSeconds(300)))));
    PlannerDriver run = new PlannerDriver(plan);
    run.start();
    run.running(A);
    assertThat(ready(plan, run)).isEqualTo(new RunStatus.ReadyStatus("not_due", CHECK, ""));

    run.running(B);
    assertThat(ready(plan, run)).isEqualTo(new RunStatus.ReadyStatus("checking", CHECK, ""));

    run.on(new RunEvent.ReadyCheckResult(ProbeOutcome.pending(
        "http://10.0.0.5:8000/health answered 503, not 200")));
    assertThat(ready(plan, run)).isEqualTo(new RunStatus.ReadyStatus("checking", CHECK,
        "http://10.0.0.5:8000/health answered 503, not 200"));

    run.on(new RunEvent.ReadyCheckResult(ProbeOutcome.passed(
        "http://10.0.0.5:8000/health answered 200")));
    assertThat(ready(plan, run)).isEqualTo(new RunStatus.ReadyStatus("passed", CHECK,
        "http://10.0.0.5:8000/health answered 200"));
  }

  @Test
  void aSpecWithoutAReadyCheckSaysNoneEvenOnceStarted() {
    StartPlan plan = StartPlan.of(List.of(PlannedContainer.service(A, "a:1")), List.of(),
        Optional.empty());
    PlannerDriver run = new PlannerDriver(plan);
    run.start();
    run.running(A);

    assertThat(ready(plan, run)).isEqualTo(RunStatus.ReadyStatus.NONE);
  }

  @Test
  void aContainerShowsItsHostPortsOnlyWhileItRunsAsDockerBindsThem() {
    ContainerKey migration = ContainerKey.parse("migration/app");
    StartPlan plan = StartPlan.of(List.of(PlannedContainer.service(A, "a:1"),
        PlannedContainer.ephemeral(migration, "app:1")), List.of(), Optional.empty());
    PlannerDriver run = new PlannerDriver(plan);
    run.start();
    run.running(A);
    run.running(migration);
    assertThat(ports(plan, run, migration)).containsExactly("0.0.0.0:5432->5432/tcp");

    run.exited(migration, 0);

    assertThat(run.instance(migration).phase()).isEqualTo(InstancePhase.COMPLETED);
    assertThat(ports(plan, run, migration)).as("a completed container's ports are free").isEmpty();
    assertThat(ports(plan, run, A)).containsExactly("0.0.0.0:5432->5432/tcp");
    assertThat(run.instance(migration).ports()).as("kept for the run's templates").hasSize(1);
  }

  private static List<String> ports(StartPlan plan, PlannerDriver run, ContainerKey key) {
    return StatusView.of("demo", plan, run.state, 1, run.now).containers().stream()
        .filter(c -> c.container().equals(key.toString())).findFirst().orElseThrow().ports();
  }

  private static RunStatus.ReadyStatus ready(StartPlan plan, PlannerDriver run) {
    return StatusView.of("demo", plan, run.state, 1, run.now).ready();
  }
}
