package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mode and owner of a host path, set before the container that mounts it is created. */
class HostPathsTest {

  @TempDir Path dir;
  private final HostPaths paths =
      new HostPaths(new DockerHost("unix:///var/run/docker.sock"), FileSystems.getDefault());

  @Test
  void aHostPathReplacedByALinkIsRefusedAndItsTargetKeepsItsModeAndOwner() throws Exception {
    // a directory, as /etc would be: creating the path through the link then succeeds
    Path target = Files.createDirectory(dir.resolve("etc"));
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    int owner = (Integer) Files.getAttribute(target, "unix:uid");
    Path data = Files.createDirectory(dir.resolve("data"));
    Path link = Files.createSymbolicLink(data.resolve("pg"), target);

    assertThatThrownBy(() -> paths.prepare(config(link, HostPathAccess.parse("0777", "65534"))))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("the host path is a symbolic link (to " + target + ")")
        .hasMessageContaining("never through a link");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rwx------");
    assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(owner);
  }

  @Test
  void aMissingHostPathIsMadeWithItsModeAndOwner() throws Exception {
    assumeTrue(System.getProperty("user.name").equals("root"), "setting an owner needs root");
    Path pg = dir.resolve("data/pg");
    paths.prepare(config(pg, HostPathAccess.parse("0750", "999:999")));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pg)))
        .isEqualTo("rwxr-x---");
    assertThat(Files.getAttribute(pg, "unix:uid")).isEqualTo(999);
    assertThat(Files.getAttribute(pg, "unix:gid")).isEqualTo(999);
  }

  private static ContainerConfig config(Path hostPath, HostPathAccess access) {
    return ContainerConfig.builder("tugboat-test/busybox:1").name("db")
        .addMount(new Mount.Bind(hostPath.toString(), "/var/lib/postgresql/data", false, access))
        .build();
  }
}
