package dev.tugboat.orchestrator;

import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ContainerState;
import dev.tugboat.runtime.ContainerSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks, before anything starts, what would otherwise fail halfway: the engine answers, every
 * image is here (or can be pulled, with its registry's login: {@link ImagePull}), the engine has
 * every log driver the spec names ({@link LogDriverCheck}), and every published host port is free.
 * A check only: it changes nothing of the app, so a refusal leaves the previous run's containers
 * (and their logs) as they were; the run's start removes them, as journaled decisions. A port one of them publishes counts as free, since that start frees it.
 * Blocking; call it before the loop starts. Throws {@link PreflightException} (or the runtime's
 * unreachable-engine failure) with one message naming everything that is wrong.
 */
public final class Preflight {

  private final ContainerRuntime runtime;
  private final HostPorts hostPorts;
  private final ImagePull imagePull;
  private final Runnable requirements;

  /** Images of a registry source are pulled anonymously. */
  public Preflight(ContainerRuntime runtime, HostPorts hostPorts) {
    this(runtime, hostPorts, ImageRegistries.none(), () -> { });
  }

  /**
   * Images are pulled from their source's registry in {@code registries}, with its login; then
   * {@code requirements}, the spec's host and custom requirements, are checked once the images
   * are here (a check may run one); it throws
   * {@link PreflightException} when one is not met.
   */
  public Preflight(ContainerRuntime runtime, HostPorts hostPorts, ImageRegistries registries,
      Runnable requirements) {
    this.runtime = runtime;
    this.hostPorts = hostPorts;
    this.imagePull = new ImagePull(runtime, registries);
    this.requirements = requirements;
  }

  public void check(PreflightNeeds needs) {
    runtime.ping();
    List<String> missing = imagePull.problems(needs.images());
    if (!missing.isEmpty()) {
      throw new PreflightException((missing.size() == 1 ? "an image is missing" :
          missing.size() + " images are missing") + "; nothing was started:\n  "
          + String.join("\n  ", missing));
    }
    List<String> noDriver = LogDriverCheck.problems(runtime, needs.logDrivers());
    if (!noDriver.isEmpty()) {
      throw new PreflightException(LogDriverCheck.summary(noDriver) + "; nothing was started:\n  "
          + String.join("\n  ", noDriver));
    }
    requirements.run();
    List<String> taken = takenPorts(needs.ports(), publishedByTheApp(needs.app()));
    if (!taken.isEmpty()) {
      throw new PreflightException("host port" + (taken.size() == 1 ? " is" : "s are")
          + " already in use; nothing was started:\n  " + String.join("\n  ", taken));
    }
  }

  /** The host ports ({@code 8080/tcp}) the app's own running containers publish. */
  private Set<String> publishedByTheApp(String app) {
    Set<String> ports = new HashSet<>();
    for (ContainerSummary own : runtime.listByLabels(Map.of(InstanceLabels.APP, app))) {
      if (own.state() == ContainerState.RUNNING) {
        runtime.inspect(own.id()).ifPresent(info -> info.publishedPorts().forEach(p ->
            ports.add(p.hostPort() + "/" + p.protocol().name().toLowerCase(Locale.ROOT))));
      }
    }
    return ports;
  }

  private List<String> takenPorts(List<PreflightNeeds.PortNeed> ports, Set<String> ownPorts) {
    List<String> taken = new ArrayList<>();
    for (PreflightNeeds.PortNeed port : ports) {
      if (ownPorts.contains(port.hostPort() + "/" + port.protocol().toLowerCase(Locale.ROOT))) {
        continue; // the app's own earlier container holds it; the new run removes that first
      }
      hostPorts.holder(port).ifPresent(holder -> taken.add(port.label()
          + " (for " + port.container() + ") is held by " + holder
          + ": stop it, or set another public_port"));
    }
    return taken;
  }
}
