package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/**
 * The container keys passed to the engine as their names say. Sizes, CPU shares and the stop timeout
 * are kept as written (bytes or {@code 500m}/{@code 1g}, possibly templates); see {@link
 * Numbers#parseSize}. Strings are {@code ""} and lists empty when absent. {@code
 * disablePublishAllPorts}: Replicated runs every container with Docker's publish-all-ports ({@code
 * docker run -P}); {@code disable_publish_all_ports: true} turns that off.
 */
public record ContainerOptionsSpec(
    boolean privileged,
    String networkMode,
    String cpuShares,
    String memoryLimit,
    String memorySwapLimit,
    List<UlimitSpec> ulimits,
    boolean allocateTty,
    List<String> securityCapAdd,
    List<String> securityOptions,
    String hostname,
    List<ExtraHostSpec> extraHosts,
    String pidMode,
    String shmSize,
    Map<String, String> labels,
    String stopTimeout,
    boolean oomKillDisable,
    String user,
    boolean readonlyRootfs,
    LogsSpec logs,
    LogConfigSpec logConfig,
    String network,
    List<String> networkAliases,
    List<String> links,
    String ipv4Address,
    String ipv6Address,
    boolean disablePublishAllPorts) {

  public ContainerOptionsSpec {
    ulimits = List.copyOf(ulimits);
    securityCapAdd = List.copyOf(securityCapAdd);
    securityOptions = List.copyOf(securityOptions);
    extraHosts = List.copyOf(extraHosts);
    labels = RawValues.immutableStringMap(labels);
    networkAliases = List.copyOf(networkAliases);
    links = List.copyOf(links);
  }
}
