package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.time.Duration;
import java.util.Objects;

/**
 * What the loop needs to know about one container of the spec: who it is, whether it is expected
 * to exit ({@code ephemeral}), its restart policy and stop timeout, whether its {@code when}
 * skipped it for this run, and how many instances of it run ({@code cluster_instance_count}: its
 * {@code initial}, 1 without one). Everything about how to create it stays with the launcher.
 */
public record PlannedContainer(
    ContainerKey key,
    String image,
    boolean ephemeral,
    RestartPolicy restart,
    Duration stopTimeout,
    boolean skipped,
    int instances) {

  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  public PlannedContainer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (instances < 1) {
      throw new IllegalArgumentException(key + " needs at least one instance, not " + instances);
    }
    if (key.instance() != 0) {
      throw new IllegalArgumentException(key + " is an instance, not a container");
    }
  }

  public PlannedContainer(ContainerKey key, String image, boolean ephemeral, RestartPolicy restart,
      Duration stopTimeout, boolean skipped) {
    this(key, image, ephemeral, restart, stopTimeout, skipped, 1);
  }

  /**
   * The keys of its instances, in instance order: the container's own key when it has one
   * instance, {@code component/container#1..n} when it has several.
   */
  public java.util.List<ContainerKey> instanceKeys() {
    if (instances == 1) {
      return java.util.List.of(key);
    }
    java.util.List<ContainerKey> keys = new java.util.ArrayList<>();
    for (int n = 1; n <= instances; n++) {
      keys.add(key.withInstance(n));
    }
    return java.util.List.copyOf(keys);
  }

  /** A long-running container with the defaults: restart never, stop timeout 10 s. */
  public static PlannedContainer service(ContainerKey key, String image) {
    return new PlannedContainer(key, image, false, RestartPolicy.NEVER, DEFAULT_STOP_TIMEOUT, false);
  }

  public static PlannedContainer ephemeral(ContainerKey key, String image) {
    return new PlannedContainer(key, image, true, RestartPolicy.NEVER, DEFAULT_STOP_TIMEOUT, false);
  }

  public PlannedContainer skip() {
    return new PlannedContainer(key, image, ephemeral, restart, stopTimeout, true, instances);
  }

  public PlannedContainer withRestart(RestartPolicy policy) {
    return new PlannedContainer(key, image, ephemeral, policy, stopTimeout, skipped, instances);
  }

  public PlannedContainer withStopTimeout(Duration timeout) {
    return new PlannedContainer(key, image, ephemeral, restart, timeout, skipped, instances);
  }

  public PlannedContainer withInstances(int count) {
    return new PlannedContainer(key, image, ephemeral, restart, stopTimeout, skipped, count);
  }
}
