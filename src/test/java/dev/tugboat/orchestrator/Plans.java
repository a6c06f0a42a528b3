package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.trigger.TriggerKind;
import dev.tugboat.trigger.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plans the tests share: the migration pattern of the article, and small variations. */
final class Plans {

  static final ContainerKey DB = ContainerKey.parse("db/postgres");
  static final ContainerKey MIGRATION = ContainerKey.parse("db-migration/pythonapp");
  static final ContainerKey APP = ContainerKey.parse("python-app/pythonapp");
  static final String PG_READY = "Postgres started and waiting for connections";
  static final String MIGRATED = "db migration complete";

  private Plans() {}

  static PlannedEvent event(
      String name, ContainerKey publisher, TriggerSpec trigger, ContainerKey... subscribers) {
    return new PlannedEvent(name, publisher, trigger,
        Optional.of(PlannedEvent.DEFAULT_TIMEOUT), List.of(subscribers));
  }

  static PlannedEvent pgReady() {
    return event(PG_READY, DB, TriggerSpec.of(TriggerKind.PORT_LISTEN, "5432"), MIGRATION);
  }

  static PlannedEvent migrated(TriggerSpec trigger) {
    return event(MIGRATED, MIGRATION, trigger, APP);
  }

  static StartPlan migration() {
    return migration(TriggerSpec.of(TriggerKind.CONTAINER_STOP));
  }

  static StartPlan migration(TriggerSpec migrationTrigger) {
    return StartPlan.of(
        List.of(
            PlannedContainer.service(DB, "postgres:15"),
            PlannedContainer.ephemeral(MIGRATION, "pythonapp:1.4.2"),
            PlannedContainer.service(APP, "pythonapp:1.4.2")),
        List.of(pgReady(), migrated(migrationTrigger)));
  }

  static StartPlan withTimeout(Duration timeout) {
    PlannedEvent pg = new PlannedEvent(PG_READY, DB, TriggerSpec.of(TriggerKind.PORT_LISTEN, "5432"),
        Optional.of(timeout), List.of(MIGRATION));
    return StartPlan.of(
        List.of(
            PlannedContainer.service(DB, "postgres:15"),
            PlannedContainer.ephemeral(MIGRATION, "pythonapp:1.4.2"),
            PlannedContainer.service(APP, "pythonapp:1.4.2")),
        List.of(pg, migrated(TriggerSpec.of(TriggerKind.CONTAINER_STOP))));
  }
}
