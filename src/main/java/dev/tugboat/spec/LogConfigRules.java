package dev.tugboat.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules about a component's or a container's {@code log_config}: a driver is named, the name is
 * one Docker could know, {@code logs} is not set beside a driver that has no use for it, and no
 * {@code log-match} event waits on output the driver keeps nowhere. Whether the engine has the
 * driver is preflight's question: a plugin's driver may be installed on the host.
 */
final class LogConfigRules {
  /** A driver built in ({@code journald}) or a plugin's reference ({@code grafana/loki:2.9}). */
  private static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]*");

  private LogConfigRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of("log-config", LogConfigRules::driver),
        ValidationRule.of("log-config-logs", LogConfigRules::logsBesideDriver),
        ValidationRule.of("log-match-unreadable", LogConfigRules::logMatchWithoutOutput));
  }

  /** A log-match event reads the container's output, which the driver none keeps nowhere. */
  static void logMatchWithoutOutput(AppSpec spec, Findings findings) {
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      for (int i = 0; i < component.containers().size(); i++) {
        ContainerSpec container = component.containers().get(i);
        String own = container.options().logConfig().type().trim();
        if (!(own.isEmpty() ? component.logConfig().type().trim() : own).equals("none")) {
          continue;
        }
        List<EventSpec> events = container.publishEvents();
        for (int e = 0; e < events.size(); e++) {
          if (events.get(e).trigger().equals("log-match")) {
            findings.error("components[" + c + "].containers[" + i + "].publish_events[" + e
                + "].trigger", "event \"" + events.get(e).name() + "\" of container "
                + container.ref() + " matches the container's output, which log driver none"
                + " keeps nowhere: it could never fire; give the container another log driver");
          }
        }
      }
    }
  }

  static void driver(AppSpec spec, Findings findings) {
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      String at = "components[" + c + "]";
      driver(spec, at, component.logConfig(), "component " + component.name(), findings);
      for (int i = 0; i < component.containers().size(); i++) {
        ContainerSpec container = component.containers().get(i);
        driver(spec, at + ".containers[" + i + "]", container.options().logConfig(),
            "container " + container.ref(), findings);
      }
    }
  }

  private static void driver(AppSpec spec, String owner, LogConfigSpec logConfig, String whose,
      Findings findings) {
    String at = owner + ".log_config";
    if (!spec.sourceMap().contains(at)) {
      return;
    }
    String type = logConfig.type().trim();
    if (type.isEmpty()) {
      findings.error(spec.sourceMap().contains(at + ".type") ? at + ".type" : at,
          "log_config of " + whose + " names no log driver; set type to one the engine has"
              + " (json-file, local, journald, syslog, gelf, fluentd, ...), or remove log_config"
              + " to keep the engine's default");
    } else if (!Templates.isTemplated(type) && !DRIVER.matcher(type).matches()) {
      findings.error(at + ".type", "log_config.type \"" + type + "\" of " + whose + " is not a"
          + " log driver's name; give a driver such as journald, or a plugin's name such as"
          + " vendor/driver:tag");
    }
  }

  /**
   * {@code logs} sets {@code max-size} and {@code max-file}, which only json-file and local take:
   * beside another driver the engine would refuse to create the container, so Tugboat leaves them
   * out, and says so here.
   */
  static void logsBesideDriver(AppSpec spec, Findings findings) {
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      String componentPath = "components[" + c + "]";
      String componentDriver = component.logConfig().type().trim();
      boolean rotatedByOne = false;
      for (int i = 0; i < component.containers().size(); i++) {
        ContainerSpec container = component.containers().get(i);
        String own = container.options().logConfig().type().trim();
        String driver = own.isEmpty() ? componentDriver : own;
        if (rotates(driver)) {
          rotatedByOne = true;
        } else if (isSet(container.options().logs())) {
          findings.warning(componentPath + ".containers[" + i + "].logs", "logs of container "
              + container.ref() + unused(driver));
        }
      }
      if (isSet(component.logs()) && !rotatedByOne && !componentDriver.isEmpty()) {
        findings.warning(componentPath + ".logs", "logs of component " + component.name()
            + unused(componentDriver));
      }
    }
  }

  /** Whether the driver takes max-size and max-file; none named is the engine's json-file. */
  private static boolean rotates(String driver) {
    return driver.isEmpty() || Templates.isTemplated(driver)
        || LogConfigSpec.ROTATING_DRIVERS.contains(driver);
  }

  private static String unused(String driver) {
    return " has no effect with log driver " + driver + ": max_size and max_files are options of"
        + " json-file and local; set " + driver + "'s own options under log_config.config";
  }

  private static boolean isSet(LogsSpec logs) {
    return !logs.maxSize().isBlank() || !logs.maxFiles().isBlank();
  }
}
