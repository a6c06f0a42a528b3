package dev.tugboat.orchestrator;

import dev.tugboat.runtime.Propagation;
import dev.tugboat.runtime.Relabel;
import java.util.List;

/**
 * A volume's rendered {@code options}, as Docker reads them after the colon of {@code -v
 * SRC:DST:OPTS}: {@code ro}/{@code rw}, {@code z}/{@code Z} (SELinux relabelling), {@code nocopy}
 * (named volumes) and the propagation modes (host paths). Docker Desktop's {@code consistent},
 * {@code cached} and {@code delegated} mean nothing to Docker on Linux and are left out.
 */
record MountOptions(boolean readOnly, Relabel relabel, Propagation propagation, boolean noCopy) {

  /** Reads {@code options} of the volume at {@code field}; {@code bind}: it mounts a host path. */
  static MountOptions parse(List<String> options, boolean bind, String field) {
    boolean readOnly = false;
    Relabel relabel = Relabel.NONE;
    Propagation propagation = Propagation.DEFAULT;
    boolean noCopy = false;
    for (String raw : options) {
      String option = raw.trim();
      switch (option) {
        case "ro" -> readOnly = true;
        case "rw", "consistent", "cached", "delegated" -> { }
        case "z" -> relabel = Relabel.SHARED;
        case "Z" -> relabel = Relabel.PRIVATE;
        case "nocopy" -> {
          if (bind) {
            throw new Launcher.LaunchException(field + ": nocopy applies to named volumes only;"
                + " Docker never copies into a host path");
          }
          noCopy = true;
        }
        default -> propagation = propagation(option, bind, field);
      }
    }
    return new MountOptions(readOnly, relabel, propagation, noCopy);
  }

  private static Propagation propagation(String option, boolean bind, String field) {
    Propagation mode = Propagation.fromEngineName(option).orElseThrow(() ->
        new Launcher.LaunchException(field + ": volume option \"" + option + "\" is unknown; known"
            + " options: ro, rw, z, Z, nocopy and the propagation modes"));
    if (!bind) {
      throw new Launcher.LaunchException(field + ": " + option + " is a mount propagation mode,"
          + " which Docker applies to host paths only, not to a named volume");
    }
    return mode;
  }
}
