package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.FileOwner;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Gives bind-mounted host paths their mode and owner before the container is created. Docker
 * would make a missing path itself, owned by root with mode 0755, which a database image running
 * as its own user cannot write. Only an engine on this machine shares its file system with us.
 */
final class HostPaths {

  private final DockerHost host;
  private final FileSystem files;

  HostPaths(DockerHost host, FileSystem files) {
    this.host = host;
    this.files = files;
  }

  void prepare(ContainerConfig config) {
    for (Mount mount : config.mounts()) {
      if (mount instanceof Mount.Bind bind && !bind.access().isNone()) {
        prepare(config, bind);
      }
    }
  }

  private void prepare(ContainerConfig config, Mount.Bind bind) {
    String what = "volume " + bind.hostPath() + " of " + config.displayName();
    if (!host.uri().startsWith("unix://")) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": " + bind.access()
          + " is set on the host path, but the Docker Engine at " + host + " is not on this"
          + " machine; run Tugboat on the engine's machine, or drop permission and owner");
    }
    Path path = files.getPath(bind.hostPath());
    HostPathAccess access = bind.access();
    try {
      Files.createDirectories(path);
      if (access.mode().isPresent()) {
        // "unix:mode" passes every bit to chmod, setgid and sticky included, which the POSIX
        // permission set cannot express.
        Files.setAttribute(path, "unix:mode", access.mode().getAsInt());
      }
      if (access.owner().isPresent()) {
        own(path, access.owner().get());
      }
    } catch (UserPrincipalNotFoundException e) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": no user or group \""
          + e.getName() + "\" on this host; give the owner as a number (e.g. 999:999)", e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new RuntimeFailure(RuntimeFailure.Kind.INVALID_CONFIG, what + ": cannot set "
          + access + ": " + e.getMessage() + "; Tugboat must run as root to give host paths"
          + " their owner", e);
    }
  }

  private void own(Path path, FileOwner owner) throws IOException {
    UserPrincipalLookupService lookup = files.getUserPrincipalLookupService();
    if (owner.userId().isPresent()) {
      Files.setAttribute(path, "unix:uid", owner.userId().get());
    } else {
      Files.setOwner(path, lookup.lookupPrincipalByName(owner.user()));
    }
    if (owner.groupId().isPresent()) {
      Files.setAttribute(path, "unix:gid", owner.groupId().get());
    } else if (owner.group().isPresent()) {
      Files.getFileAttributeView(path, PosixFileAttributeView.class)
          .setGroup(lookup.lookupPrincipalByGroupName(owner.group().get()));
    }
  }
}
