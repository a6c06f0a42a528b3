package dev.tugboat.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The points of the migration sample's start sequence where the kill test kills the daemon,
 * chosen from the run's journal and the engine's events, plus a few seeded random delays.
 */
final class KillPoints {

  static final String DB_ACCEPTS = "PostgreSQL accepts connections";
  static final int RANDOM_ROUNDS = 2;
  // The whole start takes one to four seconds here, depending on the load: most delays land in it.
  static final Duration RANDOM_WITHIN = Duration.ofSeconds(2);

  private KillPoints() {}

  static List<KillPoint> all(AppInventory inventory, long seed) {
    List<KillPoint> points = new ArrayList<>(List.of(
        // As soon as the start is asked: the kill may come before the run's first journal line.
        KillPoint.when("start just asked", v -> true),
        // The run's first lines are written together: start requested, app starting, launch db.
        KillPoint.when("first lines: db launch decided", v -> v.journalHas("launch", "db")),
        KillPoint.when("postgres starting", v -> v.journalHas("container-started", "db")
            && !v.journalHasFire(DB_ACCEPTS)),
        // The database becomes ready while no daemon watches: the port-listen probe must be
        // re-armed and fire once.
        KillPoint.freezeThenKill("postgres ready while frozen", v -> v.dockerHas("start", "db"),
            v -> inventory.databaseAccepts(v.run())),
        KillPoint.when("port-listen fired", v -> v.journalHasFire(DB_ACCEPTS)),
        KillPoint.when("migration created", v -> v.dockerHas("create", "migration")),
        KillPoint.when("migration running", v -> v.dockerHas("start", "migration")
            && !v.dockerHas("die", "migration")),
        // The ephemeral exits while no daemon watches: its exit must count once, with its code.
        KillPoint.freezeThenKill("migration exited while frozen",
            v -> v.dockerHas("start", "migration"), v -> v.dockerHas("die", "migration")),
        KillPoint.when("migration exit journalled", v -> v.journalHasExit("migration")),
        KillPoint.when("app launch decided", v -> v.journalHas("launch", "app")),
        KillPoint.when("app starting", v -> v.dockerHas("start", "app")),
        KillPoint.when("ready check", v -> v.journal().stream()
            .anyMatch(line -> line.type().equals("check-ready"))),
        KillPoint.when("started", v -> v.journalHasApp("started"))));
    Random random = new Random(seed);
    for (int i = 1; i <= RANDOM_ROUNDS; i++) {
      long delay = random.nextLong(RANDOM_WITHIN.toMillis());
      points.add(KillPoint.when("random " + delay + " ms",
          v -> v.sinceStart().toMillis() >= delay));
    }
    return List.copyOf(points);
  }
}
