package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a restarted daemon must have made of the run it was killed in, each broken promise in
 * words: the same run resumed to {@code started}, its instances adopted rather than started again,
 * the migration run exactly once (counted in the database), no event fired or container started
 * twice, nothing left over.
 */
final class RecoveryChecks {

  private static final String NEVER_STARTED = "0001-01-01T00:00:00Z";

  private final List<String> problems = new ArrayList<>();

  List<String> problems() {
    return List.copyOf(problems);
  }

  void resumedToStarted(String killedRun, JsonNode status) {
    String state = status.path("state").asText();
    if (!state.equals("started")) {
      problems.add("the app ended " + state + " (" + status.path("message").asText()
          + "), not started");
    }
    String run = status.path("run_id").asText();
    if (!run.equals(killedRun)) {
      problems.add("the restarted daemon runs " + run + " instead of resuming " + killedRun);
    }
    Optional<JsonNode> migration = container(status, "migration");
    String migrationState = migration.map(c -> c.path("state").asText()).orElse("absent");
    if (!migrationState.equals("completed") || migration.get().path("exit_code").asInt(-1) != 0) {
      problems.add("status shows the migration " + migrationState + " with exit code "
          + migration.map(c -> c.path("exit_code").asText()).orElse("none")
          + ", not completed with 0");
    }
  }

  /**
   * The daemon was killed before the new run's first journal line: it must not have answered the
   * start, and after the restart the app stays stopped in the run the operator stopped.
   */
  void stayedStopped(CliRun start, JsonNode status) {
    if (start != null && start.exitCode() == 0) {
      problems.add("tugboat start was answered (" + start.out().strip()
          + ") but the run had no journal line when the daemon died");
    }
    String state = status.path("state").asText();
    if (!state.equals("stopped")) {
      problems.add("after the operator's stop and a start that left no journal line, the restarted"
          + " daemon shows " + state + " (" + status.path("message").asText() + ", run "
          + status.path("run_id").asText() + "), not stopped");
    }
  }

  /**
   * The daemon was killed after it recorded the operator's start but before the run's first
   * journal line: it must start the app in a new run. Returns that run.
   */
  String startedNewRun(String stoppedRun, JsonNode status) {
    String run = status.path("run_id").asText();
    if (run.equals(stoppedRun)) {
      problems.add("the operator's start was recorded, but the restarted daemon shows the stopped run "
          + run + " (" + status.path("state").asText() + ") instead of a new one");
    }
    return run;
  }

  void migratedOnce(int before, int after) {
    if (before < 0 || after < 0) {
      problems.add("migration_runs could not be counted (before " + before + ", after " + after + ")");
    } else if (after - before != 1) {
      problems.add("migration_runs grew by " + (after - before) + " in the run (" + before + " -> "
          + after + "), not by 1");
    }
  }

  void noOrphans(List<String> orphans) {
    orphans.forEach(orphan -> problems.add("orphan: " + orphan));
  }

  /** Every instance that had started before the kill is the same container, not started again. */
  void adopted(List<AppInventory.Instance> atKill, List<AppInventory.Instance> now) {
    Map<String, AppInventory.Instance> byId = now.stream()
        .collect(Collectors.toMap(AppInventory.Instance::id, Function.identity()));
    for (AppInventory.Instance before : atKill) {
      if (before.startedAt().equals(NEVER_STARTED)) {
        continue;
      }
      AppInventory.Instance after = byId.get(before.id());
      if (after == null) {
        problems.add(before.key() + " was replaced: " + before + " is gone");
      } else if (!after.startedAt().equals(before.startedAt())) {
        problems.add(before.key() + " was started again: " + before.startedAt() + " -> "
            + after.startedAt());
      }
    }
  }

  /**
   * Each event fired once and each container started once in the run, by its journal and by the
   * engine's own start events. A launch may be decided again after a restart when the first left
   * no started container; that is not a second start.
   */
  void firedAndStartedOnce(List<JournalLine> journal, List<DockerEventWatch.Event> engine) {
    countTwice(journal, "fire", JournalLine::event, "event \"%s\" fired %d times");
    countTwice(journal, "container-started", JournalLine::container,
        "%s started %d times (journal)");
    engine.stream().filter(e -> e.action().equals("start"))
        .collect(Collectors.groupingBy(DockerEventWatch.Event::component, Collectors.counting()))
        .forEach((component, count) -> {
          if (count > 1) {
            problems.add("the engine started " + component + "'s container " + count + " times");
          }
        });
    journal.stream().filter(line -> line.type().equals("unreadable"))
        .forEach(line -> problems.add("unreadable journal line: " + line.text()));
  }

  private void countTwice(List<JournalLine> journal, String type, Function<JournalLine, String> name,
      String message) {
    journal.stream().filter(line -> line.type().equals(type))
        .collect(Collectors.groupingBy(name, Collectors.counting()))
        .forEach((what, count) -> {
          if (count > 1) {
            problems.add(String.format(message, what, count));
          }
        });
  }

  private static Optional<JsonNode> container(JsonNode status, String component) {
    for (JsonNode c : status.path("components")) {
      if (c.path("name").asText().equals(component) && c.path("containers").size() > 0) {
        return Optional.of(c.path("containers").get(0));
      }
    }
    return Optional.empty();
  }
}
