package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import dev.tugboat.events.BoundPort;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.Decision;
import dev.tugboat.events.InstancePhase;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.JournalRecord;
import dev.tugboat.events.RunEvent;
import java.time.Duration;
import java.time.Instant;
import dev.tugboat.events.ObservedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What `tugboat run` prints for each fact, and what it keeps quiet about. */
class RunNarratorTest {

  private static final ContainerKey DB = ContainerKey.parse("db/postgres");
  private static final ContainerKey MIGRATION = ContainerKey.parse("migration/app");

  private static Optional<String> line(JournalRecord record) {
    return RunNarrator.line(new JournalEntry(1, Instant.EPOCH, "run-1", 0, "cause", record));
  }

  @Test
  void factsAnOperatorCaresAbout() {
    assertThat(line(new RunEvent.ContainerCreated(DB, "abc", "tugboat-shop-db-postgres-1")))
        .contains("created db/postgres as tugboat-shop-db-postgres-1");
    assertThat(line(new RunEvent.ContainerStarted(DB, "abc", Instant.EPOCH, "172.17.0.2",
        List.of(new BoundPort(5432, "tcp", "0.0.0.0", 5432)))))
        .contains("started db/postgres at 172.17.0.2 (0.0.0.0:5432->5432/tcp)");
    assertThat(line(new Decision.Fire("pg up", DB, "port-listen 5432", Duration.ofMillis(1234),
        List.of(MIGRATION), "172.17.0.2:5432 accepted a connection")))
        .contains("event \"pg up\" fired after 1.2 s (port-listen 5432 on db/postgres): "
            + "172.17.0.2:5432 accepted a connection; starts migration/app");
    assertThat(line(new Decision.Finished(MIGRATION, InstancePhase.COMPLETED, 0,
        Duration.ofMillis(2100), true, "ephemeral")))
        .contains("migration/app completed (exit 0, 2.1 s)");
    assertThat(line(new Decision.Finished(MIGRATION, InstancePhase.FAILED, 3,
        Duration.ofMillis(400), true, "ephemeral")))
        .contains("migration/app failed (exit 3, 0.4 s)");
    assertThat(line(new Decision.ChangeApp(AppPhase.STARTED, "started in 3.2 s", "ready")))
        .contains("app started in 3.2 s");
    assertThat(line(new Decision.ChangeApp(AppPhase.FAILED, "db/postgres exited with code 1",
        "down"))).contains("app failed: db/postgres exited with code 1");
  }

  @Test
  void bookkeepingIsNotPrinted() {
    assertThat(line(new Decision.Probe("pg up", Duration.ofMillis(50), "refused"))).isEmpty();
    assertThat(line(new Decision.ScheduleDeadline("pg up", Duration.ofSeconds(600), "start")))
        .isEmpty();
    assertThat(line(new RunEvent.ContainerExited("abc", 0, Instant.EPOCH))).isEmpty();
  }

  @Test
  void instancesFoundAtARestartAreNamedWhenFewAndCountedWhenMany() {
    assertThat(line(new RunEvent.InstancesObserved(true, "Tugboat restarted", List.of(
        found(DB, ObservedInstance.Status.RUNNING, "run-1"),
        found(MIGRATION, ObservedInstance.Status.EXITED, "run-1")))))
        .contains("Tugboat restarted: found db/postgres running, migration/app exited (exit 0)");

    List<ObservedInstance> many = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      many.add(found(ContainerKey.parse("c" + i + "/busybox"), ObservedInstance.Status.RUNNING,
          "run-1"));
    }
    assertThat(line(new RunEvent.InstancesObserved(true, "Tugboat restarted", many)))
        .contains("Tugboat restarted: found 200 instances: 200 running");

    many.set(4, found(ContainerKey.parse("c5/busybox"), ObservedInstance.Status.EXITED, "run-1"));
    many.set(9, found(ContainerKey.parse("c10/busybox"), ObservedInstance.Status.RUNNING,
        "run-0"));
    assertThat(line(new RunEvent.InstancesObserved(true, "Tugboat restarted", many)))
        .contains("Tugboat restarted: found 200 instances: 1 exited, 199 running;"
            + " c5/busybox exited (exit 0), c10/busybox running [of run run-0]");

    for (int i = 20; i < 40; i++) {
      many.set(i, found(ContainerKey.parse("c" + (i + 1) + "/busybox"),
          ObservedInstance.Status.CREATED, "run-1"));
    }
    assertThat(line(new RunEvent.InstancesObserved(true, "Tugboat restarted", many)).orElseThrow())
        .startsWith("Tugboat restarted: found 200 instances: 20 created, 1 exited, 179 running;"
            + " c5/busybox exited (exit 0), c10/busybox running [of run run-0],"
            + " c21/busybox created,")
        .endsWith("c26/busybox created and 14 more");
  }

  private static ObservedInstance found(ContainerKey key, ObservedInstance.Status status,
      String runId) {
    return new ObservedInstance(runId, key, "id-" + key, "tugboat-" + key.component(), status,
        Instant.EPOCH, status == ObservedInstance.Status.EXITED ? Instant.EPOCH : null, 0,
        "172.17.0.2", List.of(), "");
  }
}
