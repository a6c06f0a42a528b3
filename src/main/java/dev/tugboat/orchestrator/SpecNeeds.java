package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.spec.PortSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a spec's run needs from the host ({@link PreflightNeeds}): the images of the containers that
 * run, the host ports they publish and the log drivers they name. Each is rendered as far as is
 * possible before anything started; one that depends on a container fact is taken as written,
 * or, templated, left to Docker's own check at create and start.
 */
public final class SpecNeeds {

  private SpecNeeds() {}

  public static PreflightNeeds of(SpecInputs in, ContainerKeys keys, StartPlan plan,
      Launcher launcher) {
    Map<String, List<ContainerKey>> images = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<PreflightNeeds.PortNeed> ports = new ArrayList<>();
    Map<String, List<ContainerKey>> logDrivers = new LinkedHashMap<>();
    RunState nothingStarted = RunState.nothingStarted(keys.keys(), in.clock().instant());
    for (PlannedContainer container : plan.containers()) {
      if (container.skipped()) {
        continue;
      }
      images.computeIfAbsent(container.image(), image -> new ArrayList<>()).add(container.key());
      // Two sources give one reference only when neither has a registry: either source will do.
      sources.putIfAbsent(container.image(), keys.spec(container.key()).source());
      Optional<ContainerConfig> config = prepared(container.key(), launcher, nothingStarted);
      ports.addAll(ports(container.key(), keys, config));
      logDriver(container.key(), in, keys, config).ifPresent(driver ->
          logDrivers.computeIfAbsent(driver, d -> new ArrayList<>()).add(container.key()));
    }
    List<PreflightNeeds.ImageNeed> imageNeeds = new ArrayList<>();
    images.forEach((image, users) -> imageNeeds.add(new PreflightNeeds.ImageNeed(image, users,
        sources.get(image))));
    List<PreflightNeeds.LogDriverNeed> logDriverNeeds = new ArrayList<>();
    logDrivers.forEach((driver, users) ->
        logDriverNeeds.add(new PreflightNeeds.LogDriverNeed(driver, users)));
    return new PreflightNeeds(in.app(), imageNeeds, ports, logDriverNeeds);
  }

  /** The container's config as it would be created now; empty when it needs facts not known yet. */
  private static Optional<ContainerConfig> prepared(ContainerKey key, Launcher launcher,
      RunState nothingStarted) {
    try {
      return Optional.of(launcher.prepare(key, nothingStarted).config());
    } catch (Launcher.LaunchException e) {
      return Optional.empty();
    }
  }

  private static List<PreflightNeeds.PortNeed> ports(ContainerKey key, ContainerKeys keys,
      Optional<ContainerConfig> config) {
    List<PreflightNeeds.PortNeed> needs = new ArrayList<>();
    if (config.isPresent()) {
      for (PortMapping port : config.get().ports()) {
        port.hostBinding().filter(b -> b.hostPort() != 0)
            .ifPresent(b -> needs.add(new PreflightNeeds.PortNeed(b.hostAddress(), b.hostPort(),
                port.protocol().name().toLowerCase(java.util.Locale.ROOT), key,
                b.hostInterface())));
      }
    } else {
      for (PortSpec port : keys.spec(key).ports()) {
        port.publicPortNumber().ifPresent(number -> needs.add(new PreflightNeeds.PortNeed("",
            number, port.portType().isEmpty() ? "tcp" : port.portType(), key)));
      }
    }
    return needs;
  }

  /** The log driver the container names, unless json-file, which every engine has. */
  private static Optional<String> logDriver(ContainerKey key, SpecInputs in, ContainerKeys keys,
      Optional<ContainerConfig> config) {
    String driver = config.map(c -> c.logging().driver()).orElseGet(() -> {
      String own = keys.spec(key).options().logConfig().type().trim();
      String written = !own.isEmpty() ? own : in.spec().component(key.component())
          .map(component -> component.logConfig().type().trim()).orElse("");
      return written.contains("{{") ? "" : written;
    });
    return driver.isEmpty() || driver.equals("json-file") ? Optional.empty() : Optional.of(driver);
  }
}
