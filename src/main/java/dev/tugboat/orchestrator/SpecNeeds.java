package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.spec.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a spec's run needs from the host ({@link PreflightNeeds}): the images of the containers that
 * run, and the host ports they publish. Ports are rendered as far as is possible before anything
 * started; a port that depends on a container fact is left to Docker's own check at start.
 */
public final class SpecNeeds {

  private SpecNeeds() {}

  public static PreflightNeeds of(SpecInputs in, ContainerKeys keys, StartPlan plan,
      Launcher launcher) {
    Map<String, List<ContainerKey>> images = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<PreflightNeeds.PortNeed> ports = new ArrayList<>();
    RunState nothingStarted = RunState.nothingStarted(keys.keys(), in.clock().instant());
    for (PlannedContainer container : plan.containers()) {
      if (container.skipped()) {
        continue;
      }
      images.computeIfAbsent(container.image(), image -> new ArrayList<>()).add(container.key());
      // Two sources give one reference only when neither has a registry: either source will do.
      sources.putIfAbsent(container.image(), keys.spec(container.key()).source());
      ports.addAll(ports(container.key(), keys, launcher, nothingStarted));
    }
    List<PreflightNeeds.ImageNeed> imageNeeds = new ArrayList<>();
    images.forEach((image, users) -> imageNeeds.add(new PreflightNeeds.ImageNeed(image, users,
        sources.get(image))));
    return new PreflightNeeds(in.app(), imageNeeds, ports);
  }

  private static List<PreflightNeeds.PortNeed> ports(ContainerKey key, ContainerKeys keys,
      Launcher launcher, RunState nothingStarted) {
    List<PreflightNeeds.PortNeed> needs = new ArrayList<>();
    try {
      for (PortMapping port : launcher.prepare(key, nothingStarted).config().ports()) {
        port.hostBinding().filter(b -> b.hostPort() != 0)
            .ifPresent(b -> needs.add(new PreflightNeeds.PortNeed(b.hostAddress(), b.hostPort(),
                port.protocol().name().toLowerCase(java.util.Locale.ROOT), key,
                b.hostInterface())));
      }
    } catch (Launcher.LaunchException e) {
      for (PortSpec port : keys.spec(key).ports()) {
        port.publicPortNumber().ifPresent(number -> needs.add(new PreflightNeeds.PortNeed("",
            number, port.portType().isEmpty() ? "tcp" : port.portType(), key)));
      }
    }
    return needs;
  }
}
