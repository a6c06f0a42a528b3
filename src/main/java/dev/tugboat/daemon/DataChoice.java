package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.orchestrator.AppData;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the directories an app mounts for writing are data a snapshot keeps and a restore
 * empties. A restore empties a host directory before it unpacks the snapshot into it, so a
 * directory of the host's own ({@code /}, {@code /etc}, {@code /var/lib/docker}, ...) or the
 * daemon's state directory (which holds the snapshots themselves) is refused, whatever the spec
 * says. What is not a directory (a socket such as {@code /var/run/docker.sock}, a device, a
 * single file) and the kernel's views under {@code /proc} and {@code /sys} are inputs, not data:
 * they are left out, with a warning, and the app can still be upgraded.
 */
final class DataChoice {

  /** Host directories a restore never empties: the system's own. */
  static final Set<String> SYSTEM = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32",
      "/lib64", "/libx32", "/proc", "/run", "/var/run", "/sys", "/usr", "/sbin", "/var",
      "/var/lib", "/var/lib/docker", "/home", "/root", "/tmp");

  private final Path stateDir;
  private final VolumeArchive archive;
  private final DaemonLog log;

  DataChoice(Path stateDir, VolumeArchive archive, DaemonLog log) {
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.archive = archive;
    this.log = log;
  }

  /**
   * Why {@code path} (normalised) must never be emptied; empty when it may be. Pure.
   */
  Optional<String> refusal(String path) {
    if (SYSTEM.contains(path)) {
      return Optional.of(path + " is a system directory: a restore would delete the host's own"
          + " files");
    }
    Path p = Path.of(path);
    if (p.startsWith(stateDir) || stateDir.startsWith(p)) {
      return Optional.of(path + (p.equals(stateDir) ? " is" : p.startsWith(stateDir) ? " is inside"
          : " holds") + " Tugboat's state directory " + stateDir + ": a restore would delete"
          + " the snapshots and the daemon's state");
    }
    return Optional.empty();
  }

  /**
   * The pieces of {@code mounted} a snapshot keeps; those that are not data are logged and left
   * out.
   *
   * @throws AppRefusal 409 when a host path must never be emptied, or cannot be copied from here
   */
  List<AppData.Mounted> keep(List<AppData.Mounted> mounted) {
    List<AppData.Mounted> kept = new ArrayList<>();
    for (AppData.Mounted m : mounted) {
      DataMount data = m.data();
      if (data.kind() == DataMount.Kind.NAMED_VOLUME) {
        kept.add(m);
        continue;
      }
      String where = "host path " + data.source() + ", which " + m.container() + " mounts for"
          + " writing at " + m.containerPath() + ",";
      Optional<String> refused = refusal(data.source());
      if (refused.isPresent()) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, where + " cannot be kept in a snapshot: "
            + refused.get() + "; mount a directory of the app's own instead, or mount it"
            + " read-only (options: [ro]) if the app only reads it");
      }
      if (kernelView(data.source())) {
        log.warn(where + " is a view of the kernel, not data: left out of the snapshot");
        continue;
      }
      HostPathKind kind;
      try {
        kind = archive.hostPathKind(data.source());
      } catch (RuntimeFailure e) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
      }
      switch (kind) {
        case DIRECTORY, MISSING -> kept.add(m);
        case LINK -> throw new AppRefusal(AppRefusal.Reason.CONFLICT, where + " is a symbolic"
            + " link: a snapshot and a restore never go through a link; give host_path the"
            + " link's target");
        case FILE -> log.warn(where + " is a single file: a snapshot keeps directories only, so"
            + " it is left out (mount its directory if the file is data to keep)");
        default -> log.warn(where + " is " + kind.words() + ", not data: left out of the"
            + " snapshot, and a restore leaves it as it is");
      }
    }
    return kept;
  }

  private static boolean kernelView(String path) {
    return path.startsWith("/proc/") || path.startsWith("/sys/");
  }
}
