package dev.tugboat.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code host-requirements} and {@code custom-requirements}: what the preflight checks will read
 * must parse, and a command Tugboat cannot run on one host is refused here, before any start.
 */
final class RequirementRules {
  static final String HOST = "host-requirements";
  static final String CUSTOM = "custom-requirements";
  /** Commands Tugboat runs, each as Replicated's native scheduler did on one host. */
  static final Set<String> COMMANDS =
      Set.of("scheduler", "disk_space_available", "disk_space_total", "port_available", "tcp_dial");
  private static final Set<String> STATUSES = Set.of("success", "warn", "error");

  private RequirementRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of(HOST, RequirementRules::host),
        ValidationRule.of(CUSTOM, RequirementRules::custom));
  }

  static void host(AppSpec spec, Findings findings) {
    Object top = spec.otherSections().get("host_requirements");
    if (top != null && !(top instanceof Map)) {
      findings.error("host_requirements", "host_requirements must be a mapping of requirements"
          + " (memory: 8GB, cpu_cores: 2, ...)");
    }
    for (HostRequirementsSpec requirements : Requirements.host(spec)) {
      requirements.values().forEach((key, value) -> hostValue(requirements, key, value, findings));
    }
  }

  private static void hostValue(HostRequirementsSpec req, String key, String value, Findings findings) {
    String path = req.pathOf(key);
    if (!HostRequirementsSpec.KEYS.contains(key)) {
      findings.warning(path, "unknown host requirement \"" + key + "\" is not checked; Tugboat knows "
          + String.join(", ", HostRequirementsSpec.KEYS));
      return;
    }
    if (value.isBlank()) {
      findings.error(path, key + " has no value; give one or remove the key");
      return;
    }
    switch (key) {
      case "docker_version" -> {
        if (RequirementValues.parseVersion(value).isEmpty()) {
          findings.error(path, "docker_version \"" + value + "\" is not a version; write the lowest"
              + " Docker Engine version the app needs, such as \"1.10.3\"");
        } else if (!req.component().isEmpty()) {
          findings.warning(path, "docker_version of a component is not checked, as Replicated did"
              + " not: the Docker version is the host's, set it in the top-level host_requirements");
        }
      }
      case "cpu_cores", "cpu_mhz" -> {
        if (!value.trim().matches("\\d{1,9}(\\.\\d+)?")) {
          findings.error(path, key + " \"" + value + "\" is not a number; write the minimum, such as "
              + (key.equals("cpu_cores") ? "2" : "2400"));
        }
      }
      case "memory", "disk_space", "docker_space" -> {
        if (RequirementValues.parseSize(value).isEmpty()) {
          findings.error(path, key + " \"" + value + "\" is not a size; write a number with a unit,"
              + " such as 8GB or 2048MB");
        }
      }
      default -> replicatedVersion(path, value, findings);
    }
  }

  private static void replicatedVersion(String path, String value, Findings findings) {
    RequirementValues.rangeProblem(value).ifPresentOrElse(
        problem -> findings.error(path, "replicated_version \"" + value + "\" is not a version range: "
            + problem + "; write comparisons such as \">=2.3.0 <2.5.0\""),
        () -> findings.warning(path, "replicated_version is not checked: it names versions of"
            + " Replicated (which upgraded itself to match), not of Tugboat, and Replicated's own"
            + " preflight ignored it too"));
  }

  static void custom(AppSpec spec, Findings findings) {
    Object section = spec.otherSections().get("custom_requirements");
    if (section == null) {
      return;
    }
    if (!(section instanceof List<?> entries)) {
      findings.error("custom_requirements", "custom_requirements must be a list of requirements");
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (!(entries.get(i) instanceof Map)) {
        findings.error("custom_requirements[" + i + "]", "a custom requirement must be a mapping"
            + " with id, message, results and command");
      }
    }
    Map<String, String> ids = new HashMap<>();
    for (CustomRequirementSpec req : Requirements.custom(spec)) {
      if (req.id().isBlank()) {
        findings.error(req.path(), "custom requirement has no id; give it a unique id");
      } else if (ids.putIfAbsent(req.id(), req.path()) != null) {
        findings.error(req.path() + ".id", "custom requirement id \"" + req.id()
            + "\" is already used (line " + findings.lineOf(ids.get(req.id())) + "); ids must be unique");
      }
      if (req.message().text().isBlank()) {
        findings.error(req.path() + ".message", "custom requirement " + req.id()
            + " has no message; say what it checks");
      }
      results(req, findings);
      CustomCommandRules.check(spec, req, findings);
    }
  }

  static void results(CustomRequirementSpec req, Findings findings) {
    if (req.results().isEmpty()) {
      findings.error(req.path() + ".results", "custom requirement " + req.id() + " has no results;"
          + " list at least one {status, message, condition}");
    }
    for (int i = 0; i < req.results().size(); i++) {
      CustomRequirementSpec.Result result = req.results().get(i);
      String path = req.path() + ".results[" + i + "]";
      if (!STATUSES.contains(result.status())) {
        findings.error(path + ".status", "result status \"" + result.status()
            + "\" is not success, warn or error");
      }
      result.condition().statusCode().filter(code -> Numbers.parseInt(code).isEmpty())
          .ifPresent(code -> findings.error(path + ".condition.status_code",
              "status_code \"" + code + "\" is not a number"));
      result.condition().error().filter(e -> !e.equals("true") && !e.equals("false"))
          .ifPresent(e -> findings.error(path + ".condition.error",
              "error \"" + e + "\" is not true or false"));
    }
  }
}
