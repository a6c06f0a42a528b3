package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.HostPathKind;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restore does to a host directory on this machine. */
class LocalDataTest {

  @TempDir Path dir;

  @Test
  void emptyingNeverCrossesIntoAnotherFileSystemMountedBelowAndSaysWhatItLeft() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("top.txt"), "x");
    Path mounted = Files.createDirectories(data.resolve("sub/disk"));
    Files.writeString(mounted.resolve("keep.txt"), "on another disk");
    Path mountedFile = Files.writeString(data.resolve("sub/conf"), "a file bind mounted here");
    Files.writeString(data.resolve("sub/gone.txt"), "y");
    // the two mount points are on another device: as a bind mount of / or /proc would be
    LocalData local = new LocalData(path -> path.startsWith(mounted) || path.equals(mountedFile)
        ? "other" : Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS));

    assertThat(local.empty(data.toString())).containsExactlyInAnyOrder(mounted.toString(),
        mountedFile.toString());

    assertThat(mounted.resolve("keep.txt")).hasContent("on another disk");
    assertThat(mountedFile).exists();
    assertThat(data.resolve("top.txt")).doesNotExist();
    assertThat(data.resolve("sub/gone.txt")).doesNotExist();
    assertThat(data).isDirectory();
  }

  @Test
  void aHostPathIsToldApartWithoutFollowingALink() throws Exception {
    LocalData local = new LocalData();
    Path socket = dir.resolve("docker.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThat(local.kind(socket.toString())).isEqualTo(HostPathKind.SOCKET);
    }
    Path file = Files.writeString(dir.resolve("app.conf"), "x");
    assertThat(local.kind(file.toString())).isEqualTo(HostPathKind.FILE);
    assertThat(local.kind(dir.toString())).isEqualTo(HostPathKind.DIRECTORY);
    assertThat(local.kind(Files.createSymbolicLink(dir.resolve("link"), dir).toString()))
        .isEqualTo(HostPathKind.LINK);
    assertThat(local.kind(dir.resolve("missing").toString())).isEqualTo(HostPathKind.MISSING);
    assertThat(local.kind("/dev/null")).isEqualTo(HostPathKind.DEVICE);
  }
}
