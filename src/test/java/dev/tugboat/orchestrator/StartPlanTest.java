package dev.tugboat.orchestrator;

import static dev.tugboat.orchestrator.Plans.APP;
import static dev.tugboat.orchestrator.Plans.DB;
import static dev.tugboat.orchestrator.Plans.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartPlanTest {

  private static final ContainerKey A = ContainerKey.parse("a/one");
  private static final ContainerKey B = ContainerKey.parse("b/two");
  private static final ContainerKey C = ContainerKey.parse("c/three");

  @Test
  void migrationPlanPrintsWhichEventStartsWhichContainer() {
    assertThat(Plans.migration().toText()).isEqualTo("""
        start db/postgres (root)
        start db-migration/pythonapp <- "Postgres started and waiting for connections" (port-listen 5432 on db/postgres)
        start python-app/pythonapp <- "db migration complete" (container-stop on db-migration/pythonapp)
        """);
  }

  @Test
  void orderFollowsTheLongestChainNotTheSpecOrder() {
    StartPlan plan = StartPlan.of(
        List.of(PlannedContainer.service(APP, "app:1"), PlannedContainer.service(DB, "db:1"),
            PlannedContainer.ephemeral(MIGRATION, "app:1")),
        List.of(Plans.pgReady(), Plans.migrated(TriggerSpec.of(TriggerKind.CONTAINER_STOP))));

    assertThat(plan.containers()).extracting(PlannedContainer::key)
        .containsExactly(DB, MIGRATION, APP);
    assertThat(plan.stopOrder()).containsExactly(APP, MIGRATION, DB);
    assertThat(plan.isRoot(DB)).isTrue();
    assertThat(plan.depth(APP)).isEqualTo(2);
  }

  @Test
  void rootsStartTogetherAndAContainerWithTwoStartersListsBoth() {
    StartPlan plan = StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1"),
            PlannedContainer.service(C, "c:1").skip()),
        List.of(Plans.event("a up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), C),
            Plans.event("b up", B, new TriggerSpec(TriggerKind.EXEC, "", List.of("true")), C)));

    assertThat(plan.toText()).isEqualTo("""
        start a/one (root)
        start b/two (root)
        skip c/three (when is false)
        """);
    StartPlan unskipped = StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1"),
            PlannedContainer.service(C, "c:1")),
        plan.events(), Optional.of(new ReadyCheck("tcp_port_accept 10.0.0.5:80",
            Optional.of(Duration.ofSeconds(900)))));
    assertThat(unskipped.toText()).endsWith("""
        start c/three <- "a up" (container-start on a/one) or "b up" (exec [true] on b/two)
        ready <- tcp_port_accept 10.0.0.5:80
        """);
  }

  @Test
  void cycleIsRefusedNamingTheContainersAndEvents() {
    List<PlannedContainer> containers = List.of(PlannedContainer.service(A, "a:1"),
        PlannedContainer.service(B, "b:1"), PlannedContainer.service(C, "c:1"));
    List<PlannedEvent> events = List.of(
        Plans.event("a up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), B),
        Plans.event("b up", B, TriggerSpec.of(TriggerKind.CONTAINER_START), C),
        Plans.event("c up", C, TriggerSpec.of(TriggerKind.CONTAINER_START), B));

    assertThatThrownBy(() -> StartPlan.of(containers, events))
        .isInstanceOf(PlanException.class)
        .hasMessage("events start containers in a cycle, so none of them can start: "
            + "b/two -> \"b up\" -> c/three -> \"c up\" -> b/two; remove one of these subscriptions");
  }

  @Test
  void containerThatStartsItselfIsACycle() {
    assertThatThrownBy(() -> StartPlan.of(List.of(PlannedContainer.service(A, "a:1")),
        List.of(Plans.event("a up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), A))))
        .hasMessage("events start containers in a cycle, so none of them can start: "
            + "a/one -> \"a up\" -> a/one; remove one of these subscriptions");
  }

  @Test
  void subscriberThatIsNotAContainerIsRefused() {
    assertThatThrownBy(() -> StartPlan.of(List.of(PlannedContainer.service(A, "a:1")),
        List.of(Plans.event("a up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), B))))
        .hasMessage("event \"a up\" of a/one subscribes b/two, which is not a container of the spec");
  }

  @Test
  void eventNamesMustBeUnique() {
    assertThatThrownBy(() -> StartPlan.of(
        List.of(PlannedContainer.service(A, "a:1"), PlannedContainer.service(B, "b:1")),
        List.of(Plans.event("up", A, TriggerSpec.of(TriggerKind.CONTAINER_START), B),
            Plans.event("up", B, TriggerSpec.of(TriggerKind.CONTAINER_START)))))
        .hasMessage("event \"up\" is published twice; event names must be unique");
  }
}
