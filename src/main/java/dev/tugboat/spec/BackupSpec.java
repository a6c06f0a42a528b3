package dev.tugboat.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * The top-level {@code backup} section: {@code enabled}, a boolean or a template that renders to
 * one, raw ({@code ""}: not given, so snapshots are taken); {@code pauseContainers}, raw, from
 * {@code pause_containers} or its older spelling {@code pause_all}; and the scripts Replicated ran
 * around a snapshot and after a restore, as written. {@code exclude_registry_data} and {@code
 * disable_deduplication} are what Tugboat does anyway (a snapshot holds no registry and copies
 * every file), so they are read and kept in the spec's file only.
 */
public record BackupSpec(String enabled, String pauseContainers, String script,
    String restoreScript) {

  public static final BackupSpec NONE = new BackupSpec("", "", "", "");

  /** Whether the section gives {@code enabled} at all. */
  public boolean switchable() {
    return !enabled.isBlank();
  }

  /**
   * Reads {@code enabled} as written or rendered: Go's booleans ({@code 1 t T TRUE true True},
   * {@code 0 f F FALSE false False}) as Replicated read them, YAML's {@code yes no on off}, and
   * nothing as false (a template such as {@code {{repl if ...}}true{{repl end}}} renders to
   * nothing when its condition fails). Empty when the text is none of these.
   */
  public static Optional<Boolean> parseSwitch(String text) {
    String t = text.trim();
    return switch (t) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "", "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> switch (t.toLowerCase(Locale.ROOT)) {
        case "yes", "on" -> Optional.of(true);
        case "no", "off" -> Optional.of(false);
        default -> Optional.empty();
      };
    };
  }
}
