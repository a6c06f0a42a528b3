package dev.tugboat.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the engine knows about one container at the moment it was asked.
 *
 * @param name without the engine's leading slash
 * @param exitCode the last exit code; empty while it never exited
 * @param startedAt when its process last started, by the engine's clock; empty: never started
 * @param finishedAt when its process last exited, by the engine's clock; empty: never exited. For a
 *     process that exits at once, the engine may stamp this a few milliseconds before startedAt.
 * @param networkMode {@code bridge}, {@code host}, a network name, ...
 * @param ipAddress where this host reaches the container's own ports: its address on its network,
 *     or for host networking the host's loopback address; empty when it has none (not running,
 *     {@code none} network). Probe this, not a published port: the engine's userland proxy accepts
 *     connections on a published port long before the process inside listens.
 * @param publishedPorts the ports bound on the host (while running)
 * @param health the HEALTHCHECK result, {@code NONE} when the image has no health check
 * @param oomKilled its last exit was the kernel's out-of-memory kill
 */
public record ContainerInfo(
    ContainerId id,
    String name,
    String image,
    Map<String, String> labels,
    ContainerState state,
    OptionalInt exitCode,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    String networkMode,
    Optional<String> ipAddress,
    List<PublishedPort> publishedPorts,
    HealthStatus health,
    boolean oomKilled) {

  /** The loopback address: a host-networked container's ports are the host's. */
  public static final String HOST_NETWORK_ADDRESS = "127.0.0.1";

  public ContainerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    labels = Values.sortedCopy(labels);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(networkMode, "networkMode");
    Objects.requireNonNull(ipAddress, "ipAddress");
    publishedPorts = List.copyOf(publishedPorts);
    Objects.requireNonNull(health, "health");
  }

  public boolean isRunning() {
    return state == ContainerState.RUNNING;
  }

  /** The host port bound to a container port, if published. */
  public Optional<PublishedPort> publishedPort(int containerPort, Protocol protocol) {
    return publishedPorts.stream()
        .filter(p -> p.containerPort() == containerPort && p.protocol() == protocol)
        .findFirst();
  }
}
