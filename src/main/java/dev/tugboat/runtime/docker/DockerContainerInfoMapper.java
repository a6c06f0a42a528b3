package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.PublishedPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Maps the engine's inspect answer to {@link ContainerInfo}. */
final class DockerContainerInfoMapper {
  /** The engine's "never": a container that never started or never exited has this time. */
  private static final Instant ENGINE_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private DockerContainerInfoMapper() {}

  static ContainerInfo map(InspectContainerResponse r) {
    InspectContainerResponse.ContainerState s = r.getState();
    Optional<Instant> finishedAt = time(s.getFinishedAt());
    String networkMode = r.getHostConfig() == null || r.getHostConfig().getNetworkMode() == null
        ? "default" : r.getHostConfig().getNetworkMode();
    boolean running = Boolean.TRUE.equals(s.getRunning());
    Long exitCode = s.getExitCodeLong();
    return new ContainerInfo(
        ContainerId.of(r.getId()),
        r.getName() == null ? "" : r.getName().replaceFirst("^/", ""),
        r.getConfig().getImage() == null ? "" : r.getConfig().getImage(),
        r.getConfig().getLabels() == null ? Map.of() : r.getConfig().getLabels(),
        ContainerState.parse(s.getStatus()),
        // The engine reports 0 before the first exit; only a finish time makes it an exit code.
        finishedAt.isPresent() && exitCode != null && !running
            ? OptionalInt.of(exitCode.intValue()) : OptionalInt.empty(),
        time(s.getStartedAt()),
        finishedAt,
        networkMode,
        running ? address(networkMode, r.getNetworkSettings()) : Optional.empty(),
        publishedPorts(r.getNetworkSettings()),
        s.getHealth() == null ? HealthStatus.NONE : HealthStatus.parse(s.getHealth().getStatus()),
        Boolean.TRUE.equals(s.getOOMKilled()));
  }

  /**
   * Where this host reaches the container's own ports: its address on the network of its network
   * mode ("default" is the bridge), else on any network it joined. A host-networked container's
   * ports are the host's.
   */
  static Optional<String> address(String networkMode, NetworkSettings settings) {
    if (networkMode.equals("host")) {
      return Optional.of(ContainerInfo.HOST_NETWORK_ADDRESS);
    }
    if (settings == null || settings.getNetworks() == null) {
      return Optional.empty();
    }
    Map<String, ContainerNetwork> networks = settings.getNetworks();
    String own = networkMode.equals("default") ? "bridge" : networkMode;
    return Optional.ofNullable(networks.get(own)).map(ContainerNetwork::getIpAddress)
        .filter(ip -> !ip.isEmpty())
        .or(() -> networks.values().stream().map(ContainerNetwork::getIpAddress)
            .filter(ip -> ip != null && !ip.isEmpty()).findFirst());
  }

  static List<PublishedPort> publishedPorts(NetworkSettings settings) {
    List<PublishedPort> ports = new ArrayList<>();
    if (settings == null || settings.getPorts() == null) {
      return ports;
    }
    for (Map.Entry<ExposedPort, Ports.Binding[]> entry : settings.getPorts().getBindings().entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      Protocol protocol =
          entry.getKey().getProtocol() == InternetProtocol.UDP ? Protocol.UDP : Protocol.TCP;
      for (Ports.Binding binding : entry.getValue()) {
        ports.add(new PublishedPort(entry.getKey().getPort(), protocol,
            binding.getHostIp() == null ? "" : binding.getHostIp(),
            Integer.parseInt(binding.getHostPortSpec())));
      }
    }
    ports.sort(Comparator.comparingInt(PublishedPort::containerPort)
        .thenComparing(PublishedPort::hostAddress));
    return ports;
  }

  static Optional<Instant> time(String engineTime) {
    if (engineTime == null || engineTime.isEmpty()) {
      return Optional.empty();
    }
    Instant instant = Instant.parse(engineTime);
    return instant.equals(ENGINE_ZERO_TIME) ? Optional.empty() : Optional.of(instant);
  }
}
