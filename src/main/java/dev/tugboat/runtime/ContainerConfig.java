package dev.tugboat.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to create one container. Strings that are empty and numbers that are 0 mean
 * "the engine's default"; lists and maps are never null. Build with {@link #builder(String)}.
 *
 * @param image image reference ({@code repo/name:tag})
 * @param name container name; empty: the engine picks one
 * @param cmd command; empty: the image's. An imported image has none, so give one.
 * @param entrypoint entrypoint; empty: the image's
 * @param ports exposed and published ports
 * @param publishAllPorts also publish every port the image or {@code ports} exposes and no binding
 *     names, each on a host port the engine picks ({@code docker run -P}); read the ports it chose
 *     from {@link ContainerInfo#publishedPorts()} once the container started
 * @param hostDirectories host directories made before the container is created (its
 *     component's {@code host_volumes}), before its own bind mounts are given their access
 * @param volumesFrom containers whose volumes this one mounts
 * @param networkMode {@code bridge}, {@code host}, {@code none}, {@code container:NAME} or a network
 *     name; empty: the engine's default bridge
 * @param cpuShares relative CPU weight; 0: default
 * @param memoryBytes memory limit; 0: none
 * @param memorySwapBytes memory plus swap limit; 0: default, -1: unlimited swap
 * @param shmSizeBytes size of /dev/shm; 0: default
 * @param stopTimeout seconds between SIGTERM and SIGKILL that the engine uses for this container
 * @param extraHosts {@code host:ip} lines added to /etc/hosts
 * @param links {@code container:alias} legacy links
 * @param networkAliases DNS aliases on a user-defined network
 * @param placement where a clustered container runs as a Swarm service's task slot; empty: a
 *     container on this host, as everything else here describes
 * @param joinedNetworks networks it joins besides its own ({@code networkMode}) before it starts:
 *     the app's overlay network, where it reaches the app's Swarm tasks and they reach it; its
 *     own network still gives the address this host probes
 */
public record ContainerConfig(
    String image,
    String name,
    Map<String, String> labels,
    List<String> cmd,
    List<String> entrypoint,
    Map<String, String> env,
    List<PortMapping> ports,
    boolean publishAllPorts,
    List<Mount> mounts,
    List<HostDirectory> hostDirectories,
    List<String> volumesFrom,
    String hostname,
    boolean privileged,
    String networkMode,
    long cpuShares,
    long memoryBytes,
    long memorySwapBytes,
    List<Ulimit> ulimits,
    List<String> capAdd,
    List<String> securityOpts,
    List<String> extraHosts,
    String pidMode,
    long shmSizeBytes,
    Optional<Duration> stopTimeout,
    String user,
    boolean readonlyRootfs,
    ContainerLogging logging,
    List<String> networkAliases,
    List<String> links,
    String ipv4Address,
    String ipv6Address,
    boolean allocateTty,
    boolean oomKillDisable,
    Optional<ServicePlacement> placement,
    List<String> joinedNetworks) {

  public ContainerConfig {
    Objects.requireNonNull(image, "image");
    if (image.isBlank()) {
      throw new IllegalArgumentException("a container needs an image");
    }
    Objects.requireNonNull(name, "name");
    labels = Values.sortedCopy(labels);
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
    env = Values.sortedCopy(env);
    ports = List.copyOf(ports);
    mounts = List.copyOf(mounts);
    hostDirectories = List.copyOf(hostDirectories);
    volumesFrom = List.copyOf(volumesFrom);
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(networkMode, "networkMode");
    ulimits = List.copyOf(ulimits);
    capAdd = List.copyOf(capAdd);
    securityOpts = List.copyOf(securityOpts);
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(pidMode, "pidMode");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(logging, "logging");
    networkAliases = List.copyOf(networkAliases);
    links = List.copyOf(links);
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(ipv6Address, "ipv6Address");
    Objects.requireNonNull(placement, "placement");
    joinedNetworks = List.copyOf(joinedNetworks);
  }

  public static ContainerConfigBuilder builder(String image) {
    return new ContainerConfigBuilder(image);
  }

  /** A builder holding this config's values, to derive a changed copy. */
  public ContainerConfigBuilder toBuilder() {
    return new ContainerConfigBuilder(this);
  }

  /** The name if one was given, otherwise the image: for messages. */
  public String displayName() {
    return name.isEmpty() ? image : name;
  }
}
