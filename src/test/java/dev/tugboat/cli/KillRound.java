package dev.tugboat.cli;

import java.time.Duration;
import java.util.List;

/**
 * One round of the kill test: where the daemon was killed, what the journal and the engine held at
 * that moment, and what the restarted daemon made of it ({@code resumed}: yes or NO; when the
 * kill came before the run's first journal line, {@code new run} if the operator's start had been
 * recorded, else {@code start again}: the app stayed stopped and the test started it again). {@code migrations*} are the rows of
 * {@code migration_runs} before the run and once it settled (-1: could not be read); {@code
 * phases} says where the time went. {@code problems} is empty when the round passed; {@code
 * details} is what a reader of a failure needs (journal tail, containers, log).
 */
record KillRound(int number, String point, String journalAtKill, String dockerAtKill,
    String resumed, String runAfter, String stateAfter, int migrationsBefore, int migrationsAfter,
    List<String> orphans, Duration took, String phases, List<String> problems, String details) {

  static final String HEADER = String.format("%-5s %-30s %-48s %-38s %-11s %-10s %-4s %-7s %s",
      "round", "kill point", "journal at kill", "engine at kill", "resumed", "state", "migr",
      "orphans", "seconds");

  KillRound {
    orphans = List.copyOf(orphans);
    problems = List.copyOf(problems);
  }

  String row() {
    return String.format("%-5d %-30s %-48s %-38s %-11s %-10s %-4s %-7d %.1f%s", number, point,
        clip(journalAtKill, 48), clip(dockerAtKill, 38), resumed,
        stateAfter, migrations() < 0 ? "?" : String.valueOf(migrations()), orphans.size(),
        took.toMillis() / 1000.0, problems.isEmpty() ? "" : "  FAILED");
  }

  /** {@code kills: 14 at 14 points; migrations counted: 14; orphans: 0; failed rounds: 0; 121.3 s}. */
  static String totals(List<KillRound> rounds) {
    return String.format("kills: %d at %d points; migrations counted: %d; orphans: %d; failed rounds:"
            + " %d; %.1f s", rounds.size(), rounds.stream().map(KillRound::point).distinct().count(),
        rounds.stream().mapToInt(r -> Math.max(0, r.migrations())).sum(),
        rounds.stream().mapToInt(r -> r.orphans().size()).sum(),
        rounds.stream().filter(r -> !r.problems().isEmpty()).count(),
        rounds.stream().mapToLong(r -> r.took().toMillis()).sum() / 1000.0);
  }

  /** How often the migration ran in the run, by the database; -1 when unknown. */
  int migrations() {
    return migrationsBefore < 0 || migrationsAfter < 0 ? -1 : migrationsAfter - migrationsBefore;
  }

  /** The failure as a reader needs it: every problem, then the details. */
  String report() {
    return "round " + number + " (" + point + "), now run " + runAfter + ":\n  - "
        + String.join("\n  - ", problems) + "\n" + details;
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
