package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.ContainerConfigBuilder;
import dev.tugboat.runtime.HostBinding;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.spec.CmdJson;
import dev.tugboat.spec.ContainerSpec;
import dev.tugboat.spec.EnvVarSpec;
import dev.tugboat.spec.HostVolumeSpec;
import dev.tugboat.spec.LogConfigSpec;
import dev.tugboat.spec.LogsSpec;
import dev.tugboat.spec.PortSpec;
import dev.tugboat.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Maps one container of the spec, rendered, to the runtime's {@link ContainerConfig}: image, name,
 * labels, command, environment, ports, volumes, then the engine options ({@link
 * ContainerOptionsMapper}). Restarts are the loop's business, so the engine's policy stays never.
 */
final class ContainerConfigMapper {

  /** Who the container is in this run, for its name and labels. */
  record Identity(String app, String runId, String specHash, ContainerKey key, String image) {}

  /**
   * What a container inherits from its component: {@code logs}, {@code log_config} and {@code
   * host_volumes}, rendered with {@code rendering} (the component's own field paths).
   */
  record ComponentDefaults(LogsSpec logs, LogConfigSpec logConfig,
      List<HostVolumeSpec> hostVolumes, Rendering rendering) {}

  private ContainerConfigMapper() {}

  static ContainerConfig map(ContainerSpec spec, Identity id, Rendering r, VolumesFrom volumesFrom,
      ComponentDefaults component) {
    String name = spec.name().isEmpty()
        ? InstanceNames.of(id.app(), id.key(), spec.imageName(), Math.max(1, id.key().instance()))
        : r.text(spec.name(), "name");
    ContainerConfigBuilder b = ContainerConfig.builder(id.image())
        .name(name)
        .cmd(cmd(spec, r))
        .entrypoint(r.args(spec.entrypoint(), "entrypoint"));
    spec.options().labels().forEach((k, v) -> b.label(k, r.text(v, "labels." + k)));
    b.labels(InstanceLabels.of(id.app(), id.runId(), id.key(), id.specHash()));
    env(spec.envVars(), r, b);
    ports(spec.ports(), r, b);
    // Replicated ran every container with -P: each port the image EXPOSEs and no entry of
    // `ports` binds gets a host port Docker picks, which ContainerExposedPort reads back.
    b.publishAllPorts(!spec.options().disablePublishAllPorts());
    HostVolumesMapper.directories(component.hostVolumes(), component.rendering())
        .forEach(b::addHostDirectory);
    volumes(spec.volumes(), r, (volume, mount) -> b.addMount(mount));
    b.volumesFrom(volumesFrom.names(spec.volumesFrom()));
    ContainerOptionsMapper.apply(spec.options(), r, b);
    b.logging(ContainerLogsMapper.logging(spec.options().logs(), spec.options().logConfig(), r,
        component));
    return b.build();
  }

  /**
   * The command: each element rendered; or, where actions sit outside the JSON strings (an
   * if/else around the whole array), the whole text rendered first and then read as JSON.
   */
  private static List<String> cmd(ContainerSpec spec, Rendering r) {
    if (!spec.cmdNeedsRendering()) {
      return r.args(spec.cmd(), "cmd");
    }
    String rendered = r.text(spec.cmdText(), "cmd");
    CmdJson.Result result = new CmdJson().parse(rendered);
    if (result instanceof CmdJson.Parsed parsed) {
      return parsed.elements();
    }
    String why = result instanceof CmdJson.Invalid invalid ? invalid.reason() : "still holds actions";
    throw new Launcher.LaunchException(r.path("cmd") + ": renders to " + rendered + ", which "
        + why + "; cmd must be a JSON array of strings");
  }

  /** Names of the instances a container mounts volumes from; they must have started. */
  @FunctionalInterface
  interface VolumesFrom {
    List<String> names(List<String> containers);
  }

  private static void env(List<EnvVarSpec> vars, Rendering r, ContainerConfigBuilder b) {
    List<String> excluded = new java.util.ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      EnvVarSpec var = vars.get(i);
      String field = "env_vars[" + i + "]";
      if (r.when(var.when(), field + ".when")) {
        String name = r.text(var.name(), field + ".name");
        b.env(name, r.text(var.value(), field + ".value"));
        if (var.isExcludedFromSupport()) {
          excluded.add(name);
        }
      }
    }
    if (!excluded.isEmpty()) {
      b.label(SupportExcludedEnv.LABEL, SupportExcludedEnv.label(excluded));
    }
  }

  private static void ports(List<PortSpec> ports, Rendering r, ContainerConfigBuilder b) {
    for (int i = 0; i < ports.size(); i++) {
      PortSpec port = ports.get(i);
      String field = "ports[" + i + "]";
      if (!r.when(port.when(), field + ".when")) {
        continue;
      }
      int privatePort = number(r.text(port.privatePort(), field + ".private_port"),
          r.path(field + ".private_port"));
      Protocol protocol = Protocol.parse(r.text(port.portType(), field + ".port_type"));
      String publicText = r.text(port.publicPort(), field + ".public_port").trim();
      if (publicText.isEmpty()) {
        b.addPort(PortMapping.exposed(privatePort, protocol));
        continue;
      }
      int publicPort = number(publicText, r.path(field + ".public_port"));
      String iface = r.text(port.interfaceName(), field + ".interface").trim();
      HostBinding binding = iface.isEmpty()
          ? HostBinding.anyAddress(publicPort) : HostBinding.onInterface(iface, publicPort);
      b.addPort(new PortMapping(privatePort, protocol, Optional.of(binding)));
    }
  }

  /** A {@code volumes} entry of the spec and the mount it renders to. */
  record VolumeMount(VolumeSpec spec, Mount mount) {}

  /**
   * The mounts of {@code spec}'s volumes alone, rendered by {@code r}, each with its entry: what a
   * snapshot copies, known before the run facts the rest of a container may need (ports,
   * addresses).
   */
  static List<VolumeMount> volumeMounts(ContainerSpec spec, Rendering r) {
    List<VolumeMount> mounts = new ArrayList<>();
    volumes(spec.volumes(), r, (volume, mount) -> mounts.add(new VolumeMount(volume, mount)));
    return mounts;
  }

  private static void volumes(List<VolumeSpec> volumes, Rendering r,
      BiConsumer<VolumeSpec, Mount> mounted) {
    for (int i = 0; i < volumes.size(); i++) {
      VolumeSpec volume = volumes.get(i);
      String field = "volumes[" + i + "]";
      if (!r.when(volume.when(), field + ".when")) {
        continue;
      }
      String host = r.text(volume.hostPath(), field + ".host_path").trim();
      String target = r.text(volume.containerPath(), field + ".container_path").trim();
      boolean bind = host.startsWith("/");
      MountOptions options = MountOptions.parse(r.list(volume.options(), field + ".options"),
          bind, r.path(field + ".options"));
      // A named volume's root takes the image's ownership when Docker first fills it, so
      // permission and owner apply to host paths only (validation warns about the others).
      mounted.accept(volume, bind
          ? new Mount.Bind(host, target, options.readOnly(), access(volume, r, field),
              options.relabel(), options.propagation())
          : new Mount.Volume(host, target, options.readOnly(), options.relabel(),
              options.noCopy()));
    }
  }

  private static HostPathAccess access(VolumeSpec volume, Rendering r, String field) {
    String permission = r.text(volume.permission(), field + ".permission");
    String owner = r.text(volume.owner(), field + ".owner");
    try {
      return HostPathAccess.parse(permission, owner);
    } catch (IllegalArgumentException e) {
      throw new Launcher.LaunchException(r.path(field) + ": " + e.getMessage());
    }
  }

  static int number(String text, String field) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new Launcher.LaunchException(field + ": expected a port number, got \"" + text + "\"");
    }
  }
}
