package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.spec.AdminCommandSpec;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.ImageRefSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which container an admin command runs in: the one its {@code component} and {@code container}
 * name, or the one running instance of its {@code image}. An image may be run by several
 * containers of a spec, so a command that names an image needs exactly one of them running.
 */
final class AdminTarget {

  private AdminTarget() {}

  /** The container key ({@code component/container}) the command runs in. */
  static String key(AppSpec spec, AdminCommandSpec command, RunStatus run) {
    if (!command.component().isEmpty() && !command.container().isEmpty()) {
      return command.component() + "/" + command.container();
    }
    ImageRefSpec image = command.image().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT,
        "admin command '" + command.alias() + "' names no container: give it component and"
            + " container, or image, in the spec"));
    String named = image.version().isEmpty() ? image.imageName()
        : image.imageName() + ":" + image.version();
    ContainerKeys keys = new ContainerKeys(spec);
    List<ContainerKey> ofImage = keys.keys().stream()
        .filter(key -> runs(keys.spec(key), image))
        .toList();
    if (ofImage.isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "admin command '" + command.alias() + "' runs in image " + named
          + ", but no container of the spec uses that image");
    }
    List<RunStatus.ContainerStatus> running = ofImage.stream()
        .map(key -> status(run, key))
        .flatMap(Optional::stream)
        .filter(c -> c.state().equals("running") && !c.containerId().isEmpty())
        .toList();
    if (running.size() == 1) {
      return running.get(0).container();
    }
    if (running.isEmpty()) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "admin command '" + command.alias() + "' runs in image " + named
          + ", but no instance of it is running: " + ofImage.stream()
              .map(key -> key + " is " + status(run, key).map(RunStatus.ContainerStatus::state)
                  .orElse("not started"))
              .collect(Collectors.joining(", ")));
    }
    throw new AppRefusal(AppRefusal.Reason.CONFLICT, "admin command '" + command.alias() + "' runs in image " + named
        + ", which several running containers use: " + running.stream()
            .map(RunStatus.ContainerStatus::container).collect(Collectors.joining(", "))
        + "; name one with component and container in the spec's admin_commands entry");
  }

  /**
   * Whether the container uses the image. A version that is a template is only known once
   * rendered, so it matches any version the command names.
   */
  private static boolean runs(ContainerSpec container, ImageRefSpec image) {
    if (!container.imageName().equals(image.imageName())) {
      return false;
    }
    return image.version().isEmpty() || container.version().equals(image.version())
        || container.version().contains("{{");
  }

  private static Optional<RunStatus.ContainerStatus> status(RunStatus run, ContainerKey key) {
    return run == null ? Optional.empty() : run.container(key.toString());
  }
}
