package dev.tugboat.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ContainerConfig}. Each setter replaces the value; {@code add...} methods append.
 * Local to the code that builds one config: never share a builder.
 */
public final class ContainerConfigBuilder {
  private final String image;
  private String name = "";
  private final Map<String, String> labels = new LinkedHashMap<>();
  private List<String> cmd = List.of();
  private List<String> entrypoint = List.of();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<PortMapping> ports = new ArrayList<>();
  private boolean publishAllPorts;
  private final List<Mount> mounts = new ArrayList<>();
  private final List<HostDirectory> hostDirectories = new ArrayList<>();
  private List<String> volumesFrom = List.of();
  private String hostname = "";
  private boolean privileged;
  private String networkMode = "";
  private long cpuShares;
  private long memoryBytes;
  private long memorySwapBytes;
  private final List<Ulimit> ulimits = new ArrayList<>();
  private List<String> capAdd = List.of();
  private List<String> securityOpts = List.of();
  private List<String> extraHosts = List.of();
  private String pidMode = "";
  private long shmSizeBytes;
  private Optional<Duration> stopTimeout = Optional.empty();
  private String user = "";
  private boolean readonlyRootfs;
  private ContainerLogging logging = ContainerLogging.engineDefault();
  private List<String> networkAliases = List.of();
  private List<String> links = List.of();
  private String ipv4Address = "";
  private String ipv6Address = "";
  private boolean allocateTty;
  private boolean oomKillDisable;
  private Optional<ServicePlacement> placement = Optional.empty();
  private final List<String> joinedNetworks = new ArrayList<>();

  ContainerConfigBuilder(String image) {
    this.image = image;
  }

  ContainerConfigBuilder(ContainerConfig c) {
    this(c.image());
    name = c.name();
    labels.putAll(c.labels());
    cmd = c.cmd();
    entrypoint = c.entrypoint();
    env.putAll(c.env());
    ports.addAll(c.ports());
    publishAllPorts = c.publishAllPorts();
    mounts.addAll(c.mounts());
    hostDirectories.addAll(c.hostDirectories());
    volumesFrom = c.volumesFrom();
    hostname = c.hostname();
    privileged = c.privileged();
    networkMode = c.networkMode();
    cpuShares = c.cpuShares();
    memoryBytes = c.memoryBytes();
    memorySwapBytes = c.memorySwapBytes();
    ulimits.addAll(c.ulimits());
    capAdd = c.capAdd();
    securityOpts = c.securityOpts();
    extraHosts = c.extraHosts();
    pidMode = c.pidMode();
    shmSizeBytes = c.shmSizeBytes();
    stopTimeout = c.stopTimeout();
    user = c.user();
    readonlyRootfs = c.readonlyRootfs();
    logging = c.logging();
    networkAliases = c.networkAliases();
    links = c.links();
    ipv4Address = c.ipv4Address();
    ipv6Address = c.ipv6Address();
    allocateTty = c.allocateTty();
    oomKillDisable = c.oomKillDisable();
    placement = c.placement();
    joinedNetworks.addAll(c.joinedNetworks());
  }

  public ContainerConfigBuilder name(String value) { name = value; return this; }

  public ContainerConfigBuilder label(String key, String value) { labels.put(key, value); return this; }

  public ContainerConfigBuilder labels(Map<String, String> values) { labels.putAll(values); return this; }

  public ContainerConfigBuilder cmd(List<String> value) { cmd = value; return this; }

  public ContainerConfigBuilder cmd(String... value) { return cmd(List.of(value)); }

  public ContainerConfigBuilder entrypoint(List<String> value) { entrypoint = value; return this; }

  public ContainerConfigBuilder env(String key, String value) { env.put(key, value); return this; }

  public ContainerConfigBuilder env(Map<String, String> values) { env.putAll(values); return this; }

  public ContainerConfigBuilder addPort(PortMapping value) { ports.add(value); return this; }

  public ContainerConfigBuilder publishAllPorts(boolean value) { publishAllPorts = value; return this; }

  public ContainerConfigBuilder addMount(Mount value) { mounts.add(value); return this; }
  public ContainerConfigBuilder addHostDirectory(HostDirectory value) { hostDirectories.add(value); return this; }

  public ContainerConfigBuilder volumesFrom(List<String> value) { volumesFrom = value; return this; }

  public ContainerConfigBuilder hostname(String value) { hostname = value; return this; }

  public ContainerConfigBuilder privileged(boolean value) { privileged = value; return this; }

  public ContainerConfigBuilder networkMode(String value) { networkMode = value; return this; }

  public ContainerConfigBuilder cpuShares(long value) { cpuShares = value; return this; }

  public ContainerConfigBuilder memoryBytes(long value) { memoryBytes = value; return this; }

  public ContainerConfigBuilder memorySwapBytes(long value) { memorySwapBytes = value; return this; }

  public ContainerConfigBuilder addUlimit(Ulimit value) { ulimits.add(value); return this; }

  public ContainerConfigBuilder capAdd(List<String> value) { capAdd = value; return this; }

  public ContainerConfigBuilder securityOpts(List<String> value) { securityOpts = value; return this; }

  public ContainerConfigBuilder extraHosts(List<String> value) { extraHosts = value; return this; }

  public ContainerConfigBuilder pidMode(String value) { pidMode = value; return this; }

  public ContainerConfigBuilder shmSizeBytes(long value) { shmSizeBytes = value; return this; }

  public ContainerConfigBuilder stopTimeout(Duration value) { stopTimeout = Optional.of(value); return this; }

  public ContainerConfigBuilder user(String value) { user = value; return this; }

  public ContainerConfigBuilder readonlyRootfs(boolean value) { readonlyRootfs = value; return this; }

  public ContainerConfigBuilder logging(ContainerLogging value) { logging = value; return this; }


  public ContainerConfigBuilder networkAliases(List<String> value) { networkAliases = value; return this; }

  public ContainerConfigBuilder links(List<String> value) { links = value; return this; }

  public ContainerConfigBuilder ipv4Address(String value) { ipv4Address = value; return this; }

  public ContainerConfigBuilder ipv6Address(String value) { ipv6Address = value; return this; }

  public ContainerConfigBuilder allocateTty(boolean value) { allocateTty = value; return this; }

  public ContainerConfigBuilder oomKillDisable(boolean value) { oomKillDisable = value; return this; }

  public ContainerConfigBuilder placement(ServicePlacement value) {
    placement = Optional.of(value);
    return this;
  }

  public ContainerConfigBuilder joinNetwork(String network) {
    joinedNetworks.add(network);
    return this;
  }

  public ContainerConfig build() {
    return new ContainerConfig(
        image, name, labels, cmd, entrypoint, env, ports, publishAllPorts, mounts, hostDirectories, volumesFrom,
        hostname, privileged, networkMode, cpuShares, memoryBytes, memorySwapBytes, ulimits, capAdd, securityOpts,
        extraHosts, pidMode, shmSizeBytes, stopTimeout, user, readonlyRootfs, logging,
        networkAliases, links, ipv4Address, ipv6Address, allocateTty,
        oomKillDisable, placement, joinedNetworks);
  }
}
