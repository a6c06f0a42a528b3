package dev.tugboat.spec;

import java.util.List;
import java.util.Set;

/** Rules about {@code volumes}: absolute container paths and Docker's mount options. */
final class VolumeRules {
  static final Set<String> OPTIONS = Set.of("ro", "rw", "z", "Z", "nocopy", "shared", "rshared",
      "slave", "rslave", "private", "rprivate", "consistent", "cached", "delegated");
  private static final List<List<String>> CONFLICTS = List.of(List.of("ro", "rw"), List.of("z", "Z"));

  private VolumeRules() {}

  static List<ValidationRule> all() {
    return List.of(
        ValidationRule.of("container-path-absolute", VolumeRules::containerPathAbsolute),
        ValidationRule.of("volume-options", VolumeRules::volumeOptions));
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
}
