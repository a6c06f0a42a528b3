package dev.tugboat.orchestrator;

import dev.tugboat.runtime.LogLimits;
import dev.tugboat.spec.LogsSpec;

/**
 * A container's log rotation: each of {@code max_size} and {@code max_files} is the container's own
 * where it sets one, else its component's, as Replicated applied a component's {@code logs} to all
 * of its containers. Neither set: the engine's default.
 */
final class ContainerLogsMapper {

  private ContainerLogsMapper() {}

  static LogLimits limits(LogsSpec own, Rendering r,
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
    return new LogLimits(maxSize, files);
  }
}
