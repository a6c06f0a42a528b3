package dev.tugboat.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {

  @TempDir
  Path dir;

  @Test
  void sendsADatagramToASocketNamedByItsPath() throws IOException {
    String path = dir.resolve("notify").toString();
    try (UnixDatagramReceiver systemd = UnixDatagramReceiver.bind(path)) {
      UnixDatagramSocket.named(path).send(bytes("READY=1\nSTATUS=API on http://127.0.0.1:8800"));

      assertThat(systemd.poll()).contains("READY=1\nSTATUS=API on http://127.0.0.1:8800");
      assertThat(systemd.poll()).isEmpty();
    }
  }

  @Test
  void sendsToASocketInTheAbstractNamespace() throws IOException {
    String name = "@tugboat-test/notify/" + UUID.randomUUID();
    try (UnixDatagramReceiver systemd = UnixDatagramReceiver.bind(name)) {
      UnixDatagramSocket socket = UnixDatagramSocket.named(name);
      socket.send(bytes("WATCHDOG=1"));
      socket.send(bytes("STOPPING=1"));

      assertThat(systemd.poll()).contains("WATCHDOG=1");
      assertThat(systemd.poll()).contains("STOPPING=1");
    }
  }

  @Test
  void aSocketThatIsNotThereIsAnErrorNamingItAndWhy() {
    String path = dir.resolve("gone").toString();

    assertThatThrownBy(() -> UnixDatagramSocket.named(path).send(bytes("READY=1")))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot send to " + path + ": [2] No such file or directory");
  }

  @Test
  void aPathEndsWithItsNulAndAnAbstractNameStartsWithOne() {
    assertThat(UnixDatagramSocket.socketAddress("/run/x")).containsExactly(address("/run/x\0"));
    assertThat(UnixDatagramSocket.socketAddress("@x/y")).containsExactly(address("\0x/y"));
  }

  @Test
  void refusesNamesThatNameNoSocket() {
    assertThatThrownBy(() -> UnixDatagramSocket.named("run/systemd/notify"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Unix socket is named by an absolute path or, in the abstract namespace, by"
            + " @name; not 'run/systemd/notify'");
    assertThatThrownBy(() -> UnixDatagramSocket.named("@"))
        .hasMessage("'@' is not a Unix socket's name: it must be 1 to 107 bytes after its '/' or"
            + " '@'");
    assertThatThrownBy(() -> UnixDatagramSocket.named("/" + "x".repeat(107)))
        .hasMessageStartingWith("'/xxx");
  }

  /** sa_family_t AF_UNIX in the host's byte order, then {@code path} byte by byte. */
  private static byte[] address(String path) {
    byte[] sunPath = bytes(path);
    return ByteBuffer.allocate(2 + sunPath.length).order(ByteOrder.nativeOrder())
        .putShort((short) 1).put(sunPath).array();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
