package dev.tugboat.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules about the spec as a whole: its API version, its component names, its ready check, its
 * admin commands' timeouts.
 */
final class TopLevelRules {
  private static final Pattern SEMVER =
      Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  private static final List<String> KNOWN_MAJORS = List.of("1", "2");

  private TopLevelRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("api-version", TopLevelRules::apiVersion),
        ValidationRule.of("unique-component-names", TopLevelRules::uniqueComponentNames),
        ValidationRule.of("ready-command", TopLevelRules::readyCommand),
        ValidationRule.of("admin-timeout", TopLevelRules::adminTimeout));
  }

  static void apiVersion(AppSpec spec, Findings findings) {
    String version = spec.apiVersion();
    if (version.isEmpty()) {
      return;
    }
    Matcher matcher = SEMVER.matcher(version);
    if (!matcher.matches()) {
      findings.error("replicated_api_version", "replicated_api_version \"" + version
          + "\" is not a semantic version; write three numbers, such as 2.8.0");
    } else if (!KNOWN_MAJORS.contains(matcher.group(1))) {
      findings.error("replicated_api_version", "replicated_api_version " + version
          + " has major version " + matcher.group(1) + ", which Tugboat does not know; it reads 1.x and 2.x");
    }
  }

  static void uniqueComponentNames(AppSpec spec, Findings findings) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < spec.components().size(); i++) {
      String name = spec.components().get(i).name();
      if (name.isEmpty()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        findings.error("components[" + i + "].name", "component name \"" + name
            + "\" is already used by components[" + earlier + "] (line "
            + findings.lineOf("components[" + earlier + "].name") + "); component names must be unique");
      }
    }
  }

  static void adminTimeout(AppSpec spec, Findings findings) {
    for (int i = 0; i < spec.adminCommands().size(); i++) {
      AdminCommandSpec command = spec.adminCommands().get(i);
      if (command.timeoutSeconds() < 0) {
        findings.error("admin_commands[" + i + "].timeout", "timeout " + command.timeoutSeconds()
            + " of admin command '" + command.alias() + "' is negative; give the seconds it may"
            + " run (absent or 0: " + AdminCommandSpec.DEFAULT_TIMEOUT.toSeconds() + " s)");
      }
    }
  }

  /** The run would fail the ready check only after every container started: refuse it first. */
  static void readyCommand(AppSpec spec, Findings findings) {
    spec.ready().map(ReadySpec::command)
        .filter(command -> !ReadySpec.COMMANDS.contains(command))
        .ifPresent(command -> findings.error("state.ready.command", ReadySpec.unknownCommand(command)
            + EventRules.didYouMean(command, java.util.Set.copyOf(ReadySpec.COMMANDS))));
  }
}
