package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.Mount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data an app keeps: every named volume and host directory its containers mount for writing,
 * rendered with the config values as a run would mount them, each with the image of the first
 * container that mounts it (that image is on the host once the app ran: a copy is made through a
 * container of it). Read-only mounts are inputs the app does not change (config, sockets, the
 * host's clock), so they are not its data. Pure: nothing asks Docker.
 */
public final class AppData {

  /** One piece of the app's data and where the app mounts it. */
  public record Mounted(DataMount data, String image, String container, String containerPath) {}

  private AppData() {}

  /**
   * The app's data, in the order of the spec's containers, each once.
   *
   * @throws Launcher.LaunchException when a container's volumes cannot be rendered
   */
  public static List<Mounted> of(SpecInputs in, StartPlan plan) {
    ContainerKeys keys = new ContainerKeys(in.spec());
    DryRunEnvironment env = new DryRunEnvironment(in.base(), in.host(), keys, plan, in.clock());
    Map<DataMount, Mounted> found = new LinkedHashMap<>();
    for (PlannedContainer container : plan.containers()) {
      if (container.skipped()) {
        continue;
      }
      ContainerKey key = container.key();
      Rendering r = new Rendering(in.templates(), env, keys.path(key));
      List<Mount> mounts = ContainerConfigMapper.mounts(keys.spec(key), container.image(), r);
      for (Mount mount : mounts) {
        if (!mount.readOnly()) {
          DataMount data = DataMount.of(mount);
          found.putIfAbsent(data, new Mounted(data, container.image(), key.toString(),
              mount.containerPath()));
        }
      }
    }
    return new ArrayList<>(found.values());
  }
}
