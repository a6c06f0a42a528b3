package dev.tugboat.orchestrator;

import dev.tugboat.runtime.HostDirectory;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.spec.HostVolumeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's {@code host_volumes}, rendered with the component's field paths, as the host
 * directories each of its containers makes before it is created.
 */
final class HostVolumesMapper {

  private HostVolumesMapper() {}

  static List<HostDirectory> directories(List<HostVolumeSpec> volumes, Rendering r) {
    List<HostDirectory> directories = new ArrayList<>();
    for (int i = 0; i < volumes.size(); i++) {
      HostVolumeSpec volume = volumes.get(i);
      String field = "host_volumes[" + i + "]";
      String path = r.text(volume.hostPath(), field + ".host_path").strip();
      if (!path.startsWith("/")) {
        throw new Launcher.LaunchException(r.path(field + ".host_path") + ": renders to \""
            + path + "\", which is not an absolute host directory");
      }
      try {
        directories.add(new HostDirectory(path, HostPathAccess.parse(
            r.text(volume.permission(), field + ".permission"),
            r.text(volume.owner(), field + ".owner"))));
      } catch (IllegalArgumentException e) {
        throw new Launcher.LaunchException(r.path(field) + ": " + e.getMessage());
      }
    }
    return directories;
  }
}
