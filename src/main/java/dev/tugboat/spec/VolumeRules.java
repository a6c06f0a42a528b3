package dev.tugboat.spec;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules about {@code volumes}: absolute container paths, Docker's mount options, and the host
 * path's {@code permission} and {@code owner}.
 */
final class VolumeRules {
  static final Set<String> OPTIONS = Set.of("ro", "rw", "z", "Z", "nocopy", "shared", "rshared",
      "slave", "rslave", "private", "rprivate", "consistent", "cached", "delegated");
  static final Set<String> PROPAGATION = Set.of("shared", "rshared", "slave", "rslave", "private",
      "rprivate");
  /** Docker Desktop's file-sharing hints: Docker on Linux accepts them and does nothing. */
  static final Set<String> DESKTOP_ONLY = Set.of("consistent", "cached", "delegated");
  static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");
  static final Pattern OWNER = Pattern.compile(
      "([0-9]+|[A-Za-z_][A-Za-z0-9_.-]*)(:([0-9]+|[A-Za-z_][A-Za-z0-9_.-]*))?");
  private static final List<List<String>> CONFLICTS = List.of(List.of("ro", "rw"), List.of("z", "Z"));

  private VolumeRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("container-path-absolute", VolumeRules::containerPathAbsolute),
        ValidationRule.of("volume-options", VolumeRules::volumeOptions),
        ValidationRule.of("volume-option-kind", VolumeRules::volumeOptionKind),
        ValidationRule.of("volume-access", VolumeRules::volumeAccess));
  }

  static void containerPathAbsolute(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<VolumeSpec> volumes = located.value().volumes();
      for (int i = 0; i < volumes.size(); i++) {
        String path = volumes.get(i).containerPath();
        if (!path.isEmpty() && !path.startsWith("/") && !Templates.isTemplated(path)) {
          findings.error(located.child("volumes[" + i + "].container_path"), "container_path \"" + path
              + "\" of container " + located.value().ref() + " is not absolute; start it with /");
        }
      }
    }
  }

  static void volumeOptions(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<VolumeSpec> volumes = located.value().volumes();
      for (int i = 0; i < volumes.size(); i++) {
        String path = located.child("volumes[" + i + "]");
        List<String> options = volumes.get(i).options();
        for (String option : options) {
          if (!OPTIONS.contains(option) && !Templates.isTemplated(option)) {
            findings.error(path + ".options", "volume option \"" + option + "\" of container "
                + located.value().ref() + " is unknown" + EventRules.didYouMean(option, OPTIONS)
                + "; known options: ro, rw, z, Z, nocopy and the propagation modes");
          }
        }
        for (List<String> pair : CONFLICTS) {
          if (options.containsAll(pair)) {
            findings.error(path + ".options", "volume " + volumes.get(i).containerPath()
                + " of container " + located.value().ref() + " has both " + pair.get(0) + " and "
                + pair.get(1) + ", which contradict each other; keep one");
          }
        }
      }
    }
  }

  /**
   * Docker refuses {@code nocopy} on a bind mount (there is nothing to copy into a host path) and a
   * propagation mode on a named volume; the container could not even be created.
   */
  static void volumeOptionKind(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<VolumeSpec> volumes = located.value().volumes();
      for (int i = 0; i < volumes.size(); i++) {
        VolumeSpec volume = volumes.get(i);
        String volumePath = located.child("volumes[" + i + "]");
        // Options may also follow the colon of container_path (/data:ro).
        String path = findings.written(volumePath + ".options")
            ? volumePath + ".options" : volumePath + ".container_path";
        String host = text(volume.hostPath());
        boolean known = !host.isEmpty() && !Templates.isTemplated(host);
        for (String option : volume.options()) {
          if (known && volume.isBindMount() && option.equals("nocopy")) {
            findings.error(path, "volume option nocopy of " + volume.containerPath() + " (container "
                + located.value().ref() + ") applies to named volumes only; " + host + " is a host"
                + " path, which Docker never copies into: remove nocopy");
          } else if (known && !volume.isBindMount() && PROPAGATION.contains(option)) {
            findings.error(path, "volume option " + option + " of " + volume.containerPath()
                + " (container " + located.value().ref() + ") is a mount propagation mode, which"
                + " Docker applies to host paths only; \"" + host + "\" is a named volume: remove "
                + option + " or mount a host path starting with /");
          } else if (DESKTOP_ONLY.contains(option)) {
            findings.warning(path, "volume option " + option + " of " + volume.containerPath()
                + " (container " + located.value().ref() + ") is a Docker Desktop file-sharing"
                + " hint; Docker on Linux ignores it, and so does Tugboat");
          }
        }
      }
    }
  }

  static void volumeAccess(AppSpec spec, Findings findings) {
    for (Located<ContainerSpec> located : SpecWalk.containers(spec)) {
      List<VolumeSpec> volumes = located.value().volumes();
      for (int i = 0; i < volumes.size(); i++) {
        VolumeSpec volume = volumes.get(i);
        String path = located.child("volumes[" + i + "]");
        String mode = text(volume.permission());
        String owner = text(volume.owner());
        if (!mode.isEmpty() && !Templates.isTemplated(mode) && !MODE.matcher(mode).matches()) {
          findings.error(path + ".permission", "permission \"" + mode + "\" of volume "
              + volume.containerPath() + " is not an octal mode; write it like 0755 or 0700");
        }
        if (!owner.isEmpty() && !Templates.isTemplated(owner) && !OWNER.matcher(owner).matches()) {
          findings.error(path + ".owner", "owner \"" + owner + "\" of volume "
              + volume.containerPath() + " is not a user or user:group; write it like 999,"
              + " 999:999 or postgres");
        }
        String host = text(volume.hostPath());
        if ((!mode.isEmpty() || !owner.isEmpty()) && !host.isEmpty() && !host.startsWith("/")
            && !Templates.isTemplated(host)) {
          findings.warning(path + (mode.isEmpty() ? ".owner" : ".permission"), "volume \"" + host
              + "\" is a named volume: its permission and owner are not applied (Docker gives"
              + " its root the image's ownership); use a host path starting with / to set them");
        }
      }
    }
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
