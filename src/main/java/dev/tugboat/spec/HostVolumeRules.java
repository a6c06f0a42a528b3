package dev.tugboat.spec;

import java.util.List;

/**
 * Rules about a component's {@code host_volumes}: each names an absolute host directory, and its
 * {@code permission}, {@code owner} and {@code min_disk_space} are what they claim to be. A wrong
 * one would only show when the component starts, after the containers before it ran.
 */
final class HostVolumeRules {

  private HostVolumeRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of("host-volume", HostVolumeRules::check));
  }

  static void check(AppSpec spec, Findings findings) {
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      for (int v = 0; v < component.hostVolumes().size(); v++) {
        check(component, v, "components[" + c + "].host_volumes[" + v + "]", findings);
      }
    }
  }

  private static void check(ComponentSpec component, int index, String at, Findings findings) {
    HostVolumeSpec volume = component.hostVolumes().get(index);
    String whose = "host volume " + (volume.hostPath().isBlank() ? "#" + (index + 1)
        : volume.hostPath().strip()) + " of component " + component.name();
    String path = volume.hostPath().strip();
    if (path.isEmpty()) {
      findings.error(at, whose + " has no host_path; give the absolute host directory");
    } else if (!path.startsWith("/") && !Templates.isTemplated(path)) {
      findings.error(at + ".host_path", whose + ": host_path is not absolute; give a host"
          + " directory starting with / (a named Docker volume belongs in a container's volumes)");
    }
    String mode = volume.permission().strip();
    if (!mode.isEmpty() && !Templates.isTemplated(mode)
        && !VolumeRules.MODE.matcher(mode).matches()) {
      findings.error(at + ".permission", whose + ": permission \"" + mode + "\" is not an octal"
          + " mode; write it like 0755 or 0700");
    }
    String owner = volume.owner().strip();
    if (!owner.isEmpty() && !Templates.isTemplated(owner)
        && !VolumeRules.OWNER.matcher(owner).matches()) {
      findings.error(at + ".owner", whose + ": owner \"" + owner + "\" is not a user or"
          + " user:group; write it like 999, 999:999 or postgres");
    }
    String space = volume.minDiskSpace().strip();
    if (!space.isEmpty() && !Templates.isTemplated(space)
        && RequirementValues.parseSize(space).isEmpty()) {
      findings.error(at + ".min_disk_space", whose + ": min_disk_space \"" + space + "\" is not"
          + " a size; write it like 10GB, 500MB or a number of bytes");
    }
  }
}
