package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostDirectory;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.spec.HostVolumeSpec;
import dev.tugboat.spec.VolumeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data an app keeps: every named volume and host directory its containers mount for writing,
 * rendered with the config values as a run would mount them, each with the image of the first
 * container that mounts it (that image is on the host once the app ran: a copy is made through a
 * container of it). Read-only mounts are inputs the app does not change (config, sockets, the
 * host's clock), so they are not its data. A volume the spec marks {@code is_excluded_from_backup}
 * or {@code is_ephemeral} (Replicated left both out of its snapshots) is left out, and so is a host
 * path at or under a {@code host_volumes} entry of the container's component marked so, unless
 * another of the app's writable mounts of it is not marked: data one container keeps is kept.
 * Pure: nothing asks Docker.
 */
public final class AppData {

  /** One piece of the app's data and where the app mounts it. */
  public record Mounted(DataMount data, String image, String container, String containerPath) {}

  /** The data a snapshot keeps, and what the spec leaves out of snapshots. */
  public record Found(List<Mounted> kept, List<Mounted> leftOut) {
    public Found {
      kept = List.copyOf(kept);
      leftOut = List.copyOf(leftOut);
    }
  }

  private AppData() {}

  /**
   * The app's data, in the order of the spec's containers, each once.
   *
   * @throws Launcher.LaunchException when a container's volumes cannot be rendered
   */
  public static Found of(SpecInputs in, StartPlan plan) {
    ContainerKeys keys = new ContainerKeys(in.spec());
    DryRunEnvironment env = new DryRunEnvironment(in.base(), in.host(), keys, plan, in.clock());
    Map<DataMount, Mounted> kept = new LinkedHashMap<>();
    Map<DataMount, Mounted> leftOut = new LinkedHashMap<>();
    for (PlannedContainer container : plan.containers()) {
      if (container.skipped()) {
        continue;
      }
      ContainerKey key = container.key();
      Rendering r = new Rendering(in.templates(), env, keys.path(key));
      List<String> unkeptHostVolumes = unkeptHostVolumes(in, key, r.at(keys.componentPath(key)));
      for (ContainerConfigMapper.VolumeMount volume
          : ContainerConfigMapper.volumeMounts(keys.spec(key), r)) {
        if (volume.mount().readOnly()) {
          continue;
        }
        DataMount data = DataMount.of(volume.mount());
        Mounted mounted = new Mounted(data, container.image(), key.toString(),
            volume.mount().containerPath());
        if (leftOutOfSnapshots(volume.spec()) || under(data, unkeptHostVolumes)) {
          leftOut.putIfAbsent(data, mounted);
        } else {
          kept.putIfAbsent(data, mounted);
        }
      }
    }
    kept.keySet().forEach(leftOut::remove);
    return new Found(new ArrayList<>(kept.values()), new ArrayList<>(leftOut.values()));
  }

  /** The rendered paths of the component's host volumes that snapshots leave out. */
  private static List<String> unkeptHostVolumes(SpecInputs in, ContainerKey key, Rendering r) {
    List<HostVolumeSpec> volumes = in.spec().component(key.component())
        .map(ComponentSpec::hostVolumes).orElse(List.of());
    List<String> paths = new ArrayList<>();
    List<HostDirectory> directories = HostVolumesMapper.directories(volumes, r);
    for (int i = 0; i < volumes.size(); i++) {
      if (volumes.get(i).isLeftOutOfSnapshots()) {
        paths.add(Path.of(directories.get(i).path()).normalize().toString());
      }
    }
    return paths;
  }

  private static boolean under(DataMount data, List<String> directories) {
    return data.kind() == DataMount.Kind.HOST_PATH && directories.stream().anyMatch(directory ->
        Path.of(data.source()).startsWith(Path.of(directory)));
  }

  private static boolean leftOutOfSnapshots(VolumeSpec volume) {
    return volume.isExcludedFromBackup() || volume.isEphemeral();
  }
}
