package dev.tugboat.spec;

import java.util.List;

/**
 * Rules about the top-level {@code backup} section. Its {@code enabled} decides whether Tugboat
 * takes snapshots, before an upgrade too, and {@code pause_containers} (or {@code pause_all})
 * whether a snapshot pauses the running app: a value that is no boolean would only show when an
 * apply or a snapshot runs, so it is an error at load.
 */
final class BackupRules {

  private BackupRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of("backup-enabled", BackupRules::enabled),
        ValidationRule.of("backup-pause", BackupRules::pause));
  }

  static void pause(AppSpec spec, Findings findings) {
    String pause = spec.backup().pauseContainers();
    if (!pause.isBlank() && !Templates.isTemplated(pause)
        && BackupSpec.parseSwitch(pause).isEmpty()) {
      String key = spec.sourceMap().contains("backup.pause_containers") ? "pause_containers"
          : "pause_all";
      findings.error("backup." + key, "backup." + key + " is \"" + pause.trim() + "\"; give"
          + " true or false, or a template that gives one");
    }
  }

  static void enabled(AppSpec spec, Findings findings) {
    String enabled = spec.backup().enabled();
    if (!enabled.isBlank() && !Templates.isTemplated(enabled)
        && BackupSpec.parseSwitch(enabled).isEmpty()) {
      findings.error("backup.enabled", "backup.enabled is \"" + enabled.trim() + "\"; give true"
          + " or false, or a template that gives one ('{{repl ConfigOptionEquals \"backups\""
          + " \"1\"}}')");
    }
  }
}
