package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PropagationMode;
import com.github.dockerjava.api.model.SELContext;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.HostBinding;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Propagation;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.List;
import java.util.Locale;

/** Maps the settings that live in docker's HostConfig. */
final class DockerHostConfigMapper {
  private final HostInterfaces interfaces;

  DockerHostConfigMapper(HostInterfaces interfaces) {
    this.interfaces = interfaces;
  }

  HostConfig map(ContainerConfig c) {
    HostConfig h = HostConfig.newHostConfig()
        .withPortBindings(portBindings(c))
        .withPublishAllPorts(publishAllPorts(c))
        .withBinds(c.mounts().stream().map(DockerHostConfigMapper::bind).toList())
        .withVolumesFrom(c.volumesFrom().stream().map(VolumesFrom::new).toList())
        .withPrivileged(c.privileged())
        .withUlimits(c.ulimits().stream()
            .map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard()))
            .toList())
        .withCapAdd(c.capAdd().stream().map(cap -> capability(c, cap)).toArray(Capability[]::new))
        .withSecurityOpts(c.securityOpts())
        .withExtraHosts(c.extraHosts().toArray(String[]::new))
        .withReadonlyRootfs(c.readonlyRootfs())
        .withLinks(c.links().stream().map(Link::parse).toList())
        .withOomKillDisable(c.oomKillDisable())
        // Tugboat restarts containers itself, as the spec's restart says: a restart by the engine
        // would race the loop's decisions and bypass the journal.
        .withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.noRestart());
    if (!c.networkMode().isEmpty()) {
      h.withNetworkMode(c.networkMode());
    }
    if (!c.pidMode().isEmpty()) {
      h.withPidMode(c.pidMode());
    }
    DockerLimitsMapper.apply(c, h);
    return h;
  }

  private List<PortBinding> portBindings(ContainerConfig c) {
    return c.ports().stream().filter(PortMapping::isPublished)
        .map(p -> new PortBinding(binding(c, p.hostBinding().orElseThrow()), DockerContainerConfigMapper.exposedPort(p)))
        .toList();
  }

  /**
   * The engine refuses to publish ports of a container that shares another's network ({@code
   * container:NAME}: its ports are that container's) and ignores it with host networking, so it is
   * asked only where it means something.
   */
  private static boolean publishAllPorts(ContainerConfig c) {
    String mode = c.networkMode();
    return c.publishAllPorts() && !mode.startsWith("container:") && !mode.equals("host");
  }

  private Ports.Binding binding(ContainerConfig c, HostBinding b) {
    String address = b.hostAddress();
    if (!b.hostInterface().isEmpty()) {
      address = interfaces.ipv4Of(b.hostInterface()).orElseThrow(() ->
          RuntimeFailure.invalidConfig(c.displayName(), "host interface \"" + b.hostInterface()
              + "\" does not exist or has no IPv4 address: name an interface of this host"
              + " (see `ip -4 addr`)"));
    }
    // A null host port asks the engine to pick a free one.
    String hostPort = b.enginePicksPort() ? null : Integer.toString(b.hostPort());
    return new Ports.Binding(address.isEmpty() ? null : address, hostPort);
  }

  /**
   * docker-java writes {@code nocopy} for any non-null {@code noCopy}, false included, and the
   * engine refuses {@code nocopy} on a bind mount: pass null unless it is asked for.
   */
  static Bind bind(Mount mount) {
    AccessMode access = mount.readOnly() ? AccessMode.ro : AccessMode.rw;
    SELContext label = switch (mount.relabel()) {
      case NONE -> SELContext.DEFAULT;
      case SHARED -> SELContext.shared;
      case PRIVATE -> SELContext.single;
    };
    Volume target = new Volume(mount.containerPath());
    if (mount instanceof Mount.Bind b) {
      return new Bind(b.hostPath(), target, access, label, null, propagation(b.propagation()));
    }
    Mount.Volume v = (Mount.Volume) mount;
    return new Bind(v.volumeName(), target, access, label, v.noCopy() ? Boolean.TRUE : null,
        PropagationMode.DEFAULT_MODE);
  }

  private static PropagationMode propagation(Propagation propagation) {
    return switch (propagation) {
      case DEFAULT -> PropagationMode.DEFAULT_MODE;
      case SHARED -> PropagationMode.SHARED;
      case RSHARED -> PropagationMode.RSHARED;
      case SLAVE -> PropagationMode.SLAVE;
      case RSLAVE -> PropagationMode.RSLAVE;
      case PRIVATE -> PropagationMode.PRIVATE;
      case RPRIVATE -> PropagationMode.RPRIVATE;
    };
  }

  private static Capability capability(ContainerConfig c, String name) {
    String bare = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    try {
      return Capability.valueOf(bare);
    } catch (IllegalArgumentException e) {
      throw RuntimeFailure.invalidConfig(c.displayName(), "unknown capability \"" + name
          + "\" in cap_add: use a Linux capability name such as NET_ADMIN (see capabilities(7))");
    }
  }
}
