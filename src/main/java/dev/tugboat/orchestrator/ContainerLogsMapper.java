package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerLogging;
import dev.tugboat.spec.LogConfigSpec;
import dev.tugboat.spec.LogsSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's logging. Its own {@code log_config}, else its component's, names the driver and
 * its options. Its rotation, {@code logs}, is for each of {@code max_size} and {@code max_files}
 * the container's own where it sets one, else its component's, as Replicated applied a
 * component's {@code logs} to all of its containers; they become the options {@code max-size} and {@code max-file}, which select
 * json-file when no driver is named and which the driver's own options of the same name override.
 * A driver that takes no such options gets none (validation warned). Nothing set: the engine's
 * default.
 */
final class ContainerLogsMapper {
  private static final String JSON_FILE = "json-file";

  private ContainerLogsMapper() {}

  static ContainerLogging logging(LogsSpec ownLogs, LogConfigSpec ownLogConfig, Rendering r,
      ContainerConfigMapper.ComponentDefaults component) {
    Map<String, String> rotation = rotation(ownLogs, r, component);
    boolean own = ownLogConfig.isSet();
    LogConfigSpec logConfig = own ? ownLogConfig : component.logConfig();
    Rendering rendering = own ? r : component.rendering();
    if (!logConfig.isSet()) {
      return rotation.isEmpty() ? ContainerLogging.engineDefault()
          : new ContainerLogging(JSON_FILE, rotation);
    }
    String driver = rendering.text(logConfig.type(), "log_config.type").trim();
    if (driver.isEmpty()) {
      throw new Launcher.LaunchException(rendering.path("log_config.type")
          + ": renders empty; it must name a log driver (json-file, journald, ...)");
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (LogConfigSpec.ROTATING_DRIVERS.contains(driver)) {
      options.putAll(rotation);
    }
    logConfig.config().forEach((name, value) ->
        options.put(name, rendering.text(value, "log_config.config." + name)));
    return new ContainerLogging(driver, options);
  }

  /** {@code max-size} and {@code max-file}, each where set. */
  private static Map<String, String> rotation(LogsSpec own, Rendering r,
      ContainerConfigMapper.ComponentDefaults component) {
    Rendering componentRendering = component.rendering();
    LogsSpec inherited = component.logs();
    String maxSize = own.maxSize().isBlank()
        ? componentRendering.text(inherited.maxSize(), "logs.max_size").trim()
        : r.text(own.maxSize(), "logs.max_size").trim();
    String maxFiles;
    String filesField;
    if (own.maxFiles().isBlank()) {
      maxFiles = componentRendering.text(inherited.maxFiles(), "logs.max_files").trim();
      filesField = componentRendering.path("logs.max_files");
    } else {
      maxFiles = r.text(own.maxFiles(), "logs.max_files").trim();
      filesField = r.path("logs.max_files");
    }
    int files = maxFiles.isEmpty() ? 0
        : (int) ContainerOptionsMapper.size(maxFiles, filesField).orElse(0);
    Map<String, String> rotation = new LinkedHashMap<>();
    if (!maxSize.isEmpty()) {
      rotation.put("max-size", maxSize);
    }
    if (files > 0) {
      rotation.put("max-file", Integer.toString(files));
    }
    return rotation;
  }
}
