package dev.tugboat.requirements;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.ComponentSpec;
import dev.tugboat.spec.HostVolumeSpec;
import dev.tugboat.spec.RequirementValues;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Each {@code host_volumes} entry's {@code min_disk_space}: the free space of the file system that
 * holds its directory, or will once it is made (its nearest existing parent). An error stops the
 * start before anything is created, as Replicated's preflight did.
 */
final class HostVolumeSpaceCheck {

  /** Free bytes of the file system that holds {@code directory}; empty, with why, if unreadable. */
  @FunctionalInterface
  interface FreeSpace {
    OptionalLong of(Path directory) throws IOException;
  }

  private HostVolumeSpaceCheck() {}

  /** The free space as this machine's file systems tell it. */
  static OptionalLong ofThisMachine(Path directory) throws IOException {
    Optional<Path> existing = nearestExisting(directory);
    return existing.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(Files.getFileStore(existing.get()).getUsableSpace());
  }

  /** The directory itself, or the nearest of its parents that exists: where it would be made. */
  static Optional<Path> nearestExisting(Path directory) {
    Path existing = directory.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return Optional.ofNullable(existing);
  }

  static List<CheckResult> check(AppSpec spec, TemplateEnvironment env, FreeSpace freeSpace) {
    List<CheckResult> results = new ArrayList<>();
    for (int c = 0; c < spec.components().size(); c++) {
      ComponentSpec component = spec.components().get(c);
      for (int v = 0; v < component.hostVolumes().size(); v++) {
        HostVolumeSpec volume = component.hostVolumes().get(v);
        if (!volume.minDiskSpace().isBlank()) {
          results.add(check(volume, "components[" + c + "].host_volumes[" + v + "]",
              "component " + component.name(), env, freeSpace));
        }
      }
    }
    return results;
  }

  private static CheckResult check(HostVolumeSpec volume, String at, String scope,
      TemplateEnvironment env, FreeSpace freeSpace) {
    String path;
    String need;
    try {
      path = HostRequirementCommands.render(volume.hostPath(), at + ".host_path", env).strip();
      need = HostRequirementCommands.render(volume.minDiskSpace(), at + ".min_disk_space", env)
          .strip();
    } catch (TemplateException e) {
      return new CheckResult("min_disk_space", scope, "", "", Verdict.ERROR, e.getMessage());
    }
    String name = "min_disk_space " + path;
    OptionalLong bytes = RequirementValues.parseSize(need);
    if (bytes.isEmpty() || !path.startsWith("/")) {
      return new CheckResult(name, scope, need, "", Verdict.ERROR, bytes.isEmpty()
          ? "\"" + need + "\" is not a size; write it like 10GB"
          : "host_path \"" + path + "\" is not an absolute directory");
    }
    String required = RequirementValues.humanSize(bytes.getAsLong());
    OptionalLong free;
    try {
      free = freeSpace.of(Path.of(path));
    } catch (IOException | SecurityException e) {
      return new CheckResult(name, scope, required, "", Verdict.WARN,
          "cannot read the free space there: " + e.getMessage());
    }
    if (free.isEmpty()) {
      return new CheckResult(name, scope, required, "", Verdict.WARN,
          "no file system holds " + path + " on this machine");
    }
    boolean ok = free.getAsLong() >= bytes.getAsLong();
    return new CheckResult(name, scope, required, RequirementValues.humanSize(free.getAsLong()),
        ok ? Verdict.OK : Verdict.ERROR, ok ? "" : "not enough free space for host volume "
            + path + ": free space on its file system, give the disk more, or set host_path to"
            + " a larger one");
  }
}
