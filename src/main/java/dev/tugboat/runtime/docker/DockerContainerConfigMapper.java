package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;

/**
 * Writes a {@link ContainerConfig} into docker-java's create command: every field of the config,
 * nothing else. Host-level settings go to {@link DockerHostConfigMapper}.
 */
final class DockerContainerConfigMapper {
  private final DockerHostConfigMapper hostConfig;

  DockerContainerConfigMapper(HostInterfaces interfaces) {
    this.hostConfig = new DockerHostConfigMapper(interfaces);
  }

  CreateContainerCmd apply(ContainerConfig c, CreateContainerCmd cmd) {
    cmd.withImage(c.image())
        .withLabels(c.labels())
        .withEnv(c.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
        .withTty(c.allocateTty())
        // An imported image declares no EXPOSE, and the engine silently ignores a binding of a port
        // that is not exposed: expose every port the config names, published or not.
        .withExposedPorts(c.ports().stream().map(DockerContainerConfigMapper::exposedPort).toList())
        .withHostConfig(hostConfig.map(c));
    if (!c.name().isEmpty()) {
      cmd.withName(c.name());
    }
    // An imported image has no CMD either; an empty list here would leave the image's (none).
    if (!c.cmd().isEmpty()) {
      cmd.withCmd(c.cmd());
    }
    if (!c.entrypoint().isEmpty()) {
      cmd.withEntrypoint(c.entrypoint());
    }
    if (!c.hostname().isEmpty()) {
      cmd.withHostName(c.hostname());
    }
    if (!c.user().isEmpty()) {
      cmd.withUser(c.user());
    }
    c.stopTimeout().ifPresent(t -> cmd.withStopTimeout(Math.toIntExact(t.toSeconds())));
    // docker-java puts aliases and fixed addresses in the endpoint of the container's network mode.
    if (!c.networkAliases().isEmpty()) {
      cmd.withAliases(c.networkAliases());
    }
    if (!c.ipv4Address().isEmpty()) {
      cmd.withIpv4Address(c.ipv4Address());
    }
    if (!c.ipv6Address().isEmpty()) {
      cmd.withIpv6Address(c.ipv6Address());
    }
    return cmd;
  }

  static ExposedPort exposedPort(PortMapping port) {
    return new ExposedPort(port.containerPort(), internetProtocol(port.protocol()));
  }

  static InternetProtocol internetProtocol(Protocol protocol) {
    return protocol == Protocol.UDP ? InternetProtocol.UDP : InternetProtocol.TCP;
  }
}
