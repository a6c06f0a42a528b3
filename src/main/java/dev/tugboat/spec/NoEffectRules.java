package dev.tugboat.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys of Replicated's format that change what a vendor expects to happen (graphs, backups,
 * another scheduler's placement) but that Tugboat reads and keeps without acting
 * on them on one host. Each is a warning at the key, so a spec that relies on one is not run as if
 * it had its effect without a word. Presentation hints (a title, help text, a layout) are left
 * alone: nothing a vendor relies on is lost without them. docs/compatibility.md lists them all.
 */
final class NoEffectRules {

  static final String NO_EFFECT = "no-effect";

  private static final Map<String, String> TOP_LEVEL = ordered(
      "monitors", "Replicated's console drew these graphs; Tugboat draws none (its /metrics has"
          + " the daemon's own figures)",
      "custom_metrics", "Tugboat collects no app metrics",
      "graphite", "Tugboat runs no Graphite listener",
      "statsd", "Tugboat runs no StatsD listener",
      "identity", "Replicated's identity (LDAP) service; Tugboat has none",
      "kubernetes", "another scheduler's section; Tugboat runs the components",
      "swarm", "another scheduler's section; Tugboat runs the components",
      "preflight", "Replicated's preflight settings; Tugboat checks host_requirements and"
          + " custom_requirements");
  private static final Map<String, String> BACKUP = ordered(
      "script", "Tugboat runs no script around a snapshot; run what it does (tugboat admin ...)"
          + " before tugboat snapshot create",
      "restore_script", "Tugboat runs no script after a restore; run what it does (tugboat admin"
          + " ...) once the restored app has started");
  private static final Map<String, String> CONTAINER = ordered(
      "content_trust", "the image is not verified with Docker Content Trust",
      "suppress_restart", "a config change restarts nothing by itself in Tugboat");
  private static final Map<String, String> ADMIN_COMMAND = ordered(
      "service", "another scheduler's (swarm) target; name component and container",
      "selector", "another scheduler's (kubernetes) target; name component and container");
  private static final Map<String, String> CONFIG = ordered(
      "test_proc", "Replicated's console ran a group's check; Tugboat tests items only (tugboat"
          + " config test ITEM)");

  private NoEffectRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of(NO_EFFECT, NoEffectRules::noEffect));
  }

  static void noEffect(AppSpec spec, Findings findings) {
    SourceMap source = spec.sourceMap();
    warn(source, "", "", TOP_LEVEL, findings);
    warn(source, "backup", "", BACKUP, findings);
    for (int c = 0; c < spec.components().size(); c++) {
      String component = "components[" + c + "]";
      for (int i = 0; i < spec.components().get(c).containers().size(); i++) {
        warn(source, component + ".containers[" + i + "]", "container "
            + spec.components().get(c).containers().get(i).ref() + ": ", CONTAINER, findings);
      }
    }
    for (int a = 0; a < spec.adminCommands().size(); a++) {
      warn(source, "admin_commands[" + a + "]",
          "admin command " + spec.adminCommands().get(a).alias() + ": ", ADMIN_COMMAND, findings);
    }
    // An item's test_proc runs (tugboat config test); a group's has no value to test.
    for (int g = 0; g < spec.config().size(); g++) {
      warn(source, "config[" + g + "]", "", CONFIG, findings);
    }
  }

  private static void warn(SourceMap source, String at, String who, Map<String, String> keys,
      Findings findings) {
    keys.forEach((key, why) -> {
      String path = at.isEmpty() ? key : at + "." + key;
      if (source.contains(path)) {
        findings.warning(path, who + key + " has no effect here: " + why);
      }
    });
  }

  private static Map<String, String> ordered(String... keysAndReasons) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndReasons.length; i += 2) {
      map.put(keysAndReasons[i], keysAndReasons[i + 1]);
    }
    return map;
  }
}
