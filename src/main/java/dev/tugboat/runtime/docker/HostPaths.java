package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.FileOwner;
import dev.tugboat.runtime.HostDirectory;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.RuntimeFailure;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Makes the component's host directories ({@code host_volumes}) and gives bind-mounted host paths
 * their mode and owner before the container is created. Docker would make a missing bind path
 * itself, owned by root with mode 0755, which a database image running as its own user cannot
 * write, and would not make a host directory no container mounts. Only an engine on this machine
 * shares its file system with us.
 *
 * <p>A container that can write the host path's parent (another volume of the app mounts it)
 * could replace the path with a symbolic link to any host file between two runs, and the daemon,
 * as root, would chown or chmod that file. So a path that is a link is refused, and mode and
 * owner are set without following links.
 */
final class HostPaths {

  private final DockerHost host;
  private final FileSystem files;

  HostPaths(DockerHost host, FileSystem files) {
    this.host = host;
    this.files = files;
  }

  /** Whether the engine shares this machine's file system: only through its local unix socket. */
  static boolean isLocal(DockerHost host) {
    return host.uri().startsWith("unix://");
  }

  void prepare(ContainerConfig config) {
    for (HostDirectory directory : config.hostDirectories()) {
      // A remote engine makes a missing bind path itself; only mode and owner need this machine.
      if (isLocal(host) || !directory.access().isNone()) {
        prepare("host volume " + directory.path() + " of " + config.displayName(),
            directory.path(), directory.access());
      }
    }
    for (Mount mount : config.mounts()) {
      if (mount instanceof Mount.Bind bind && !bind.access().isNone()) {
        prepare("volume " + bind.hostPath() + " of " + config.displayName(), bind.hostPath(),
            bind.access());
      }
    }
  }

  private void prepare(String what, String hostPath, HostPathAccess access) {
    if (!isLocal(host)) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": " + access
          + " is set on the host path, but the Docker Engine at " + host + " is not on this"
          + " machine; run Tugboat on the engine's machine, or drop permission and owner");
    }
    Path path = files.getPath(hostPath);
    try {
      // Only made, a directory may well be reached through a link (a data disk mounted elsewhere).
      if (!access.isNone() && Files.isSymbolicLink(path)) {
        throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": the host path is a"
            + " symbolic link (to " + Files.readSymbolicLink(path) + "); Tugboat sets "
            + access + " only on a real directory, never through a link: replace the link with"
            + " the directory, or give host_path the link's target");
      }
      Files.createDirectories(path);
      if (access.mode().isPresent()) {
        // "unix:mode" passes every bit to chmod, setgid and sticky included, which the POSIX
        // permission set cannot express.
        Files.setAttribute(path, "unix:mode", access.mode().getAsInt(), NOFOLLOW_LINKS);
      }
      if (access.owner().isPresent()) {
        own(path, access.owner().get());
      }
    } catch (UserPrincipalNotFoundException e) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": no user or group \""
          + e.getName() + "\" on this host; give the owner as a number (e.g. 999:999)", e);
    } catch (IOException | UnsupportedOperationException e) {
      if (access.isNone()) {
        throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": cannot make the"
            + " directory: " + e.getMessage() + "; make it, or give a host_path Tugboat can"
            + " create", e);
      }
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": cannot set "
          + access + ": " + e.getMessage() + "; Tugboat must run as root to give host paths"
          + " their owner", e);
    }
  }

  private void own(Path path, FileOwner owner) throws IOException {
    UserPrincipalLookupService lookup = files.getUserPrincipalLookupService();
    if (owner.userId().isPresent()) {
      Files.setAttribute(path, "unix:uid", owner.userId().get(), NOFOLLOW_LINKS);
    } else {
      Files.getFileAttributeView(path, PosixFileAttributeView.class, NOFOLLOW_LINKS)
          .setOwner(lookup.lookupPrincipalByName(owner.user()));
    }
    if (owner.groupId().isPresent()) {
      Files.setAttribute(path, "unix:gid", owner.groupId().get(), NOFOLLOW_LINKS);
    } else if (owner.group().isPresent()) {
      Files.getFileAttributeView(path, PosixFileAttributeView.class, NOFOLLOW_LINKS)
          .setGroup(lookup.lookupPrincipalByGroupName(owner.group().get()));
    }
  }
}
