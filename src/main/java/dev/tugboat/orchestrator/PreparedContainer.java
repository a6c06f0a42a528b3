package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.FileToCopy;
import java.util.List;
import java.util.Objects;

/** A container rendered and ready to create: its config and the files to copy in before start. */
public record PreparedContainer(ContainerConfig config, List<FileToCopy> files) {
  public PreparedContainer {
    Objects.requireNonNull(config, "config");
    files = List.copyOf(files);
  }
}
