package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.time.Duration;
import java.util.Objects;

/**
 * What the loop needs to know about one container of the spec: who it is, whether it is expected
 * to exit ({@code ephemeral}), its restart policy and stop timeout, and whether its {@code when}
 * skipped it for this run. Everything about how to create it stays with the launcher.
 */
public record PlannedContainer(
    ContainerKey key,
    String image,
    boolean ephemeral,
    RestartPolicy restart,
    Duration stopTimeout,
    boolean skipped) {

  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  public PlannedContainer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
  }

  /** A long-running container with the defaults: restart never, stop timeout 10 s. */
  public static PlannedContainer service(ContainerKey key, String image) {
    return new PlannedContainer(key, image, false, RestartPolicy.NEVER, DEFAULT_STOP_TIMEOUT, false);
  }

  public static PlannedContainer ephemeral(ContainerKey key, String image) {
    return new PlannedContainer(key, image, true, RestartPolicy.NEVER, DEFAULT_STOP_TIMEOUT, false);
  }

  public PlannedContainer skip() {
    return new PlannedContainer(key, image, ephemeral, restart, stopTimeout, true);
  }

  public PlannedContainer withRestart(RestartPolicy policy) {
    return new PlannedContainer(key, image, ephemeral, policy, stopTimeout, skipped);
  }

  public PlannedContainer withStopTimeout(Duration timeout) {
    return new PlannedContainer(key, image, ephemeral, restart, timeout, skipped);
  }
}
