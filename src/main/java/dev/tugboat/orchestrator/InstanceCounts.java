package dev.tugboat.orchestrator;

import dev.tugboat.spec.InstanceCountSpec;
import java.util.Locale;

/**
 * How many instances of a container one host runs: {@code cluster_instance_count}'s {@code initial}
 * where the container's {@code cluster} is true, as Replicated enabled the count only then;
 * otherwise one. Rendered before the run starts.
 */
final class InstanceCounts {

  private InstanceCounts() {}

  static int count(InstanceCountSpec spec, Rendering r) {
    if (!spec.written() || spec.initial().isEmpty() || !clustered(spec, r)) {
      return 1;
    }
    String text = r.text(spec.initial(), InstanceCountSpec.KEY).trim();
    try {
      int count = Integer.parseInt(text);
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Launcher.LaunchException(r.path(InstanceCountSpec.KEY) + ": the number of instances "
        + "to run must be a whole number of at least 1, got \"" + text + "\"");
  }

  private static boolean clustered(InstanceCountSpec spec, Rendering r) {
    return isOn(r.text(spec.cluster(), "cluster"));
  }

  /** Whether a rendered {@code cluster} turns clustering on: the words Replicated takes as true. */
  static boolean isOn(String rendered) {
    return switch (rendered.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "t" -> true;
      default -> false;
    };
  }
}
