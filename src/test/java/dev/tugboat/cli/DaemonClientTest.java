package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a server that reads each request whole and then drops the connection. */
class DaemonClientTest {

  @TempDir Path dir;
  private ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private Path config;

  @BeforeEach
  void serve() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::dropEveryRequest, "dropping-server");
    acceptor.setDaemon(true);
    acceptor.start();
    config = Path.of(ClientConfig.forDaemonAt(dir, server.getLocalPort()));
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void aRestartWhoseAnswerIsLostIsSentOnceAndSaidNotAnswered() throws Exception {
    DaemonClient client = DaemonClient.of(config);

    assertThatThrownBy(() -> client.post("/api/v1/app/restart", ""))
        .isInstanceOfSatisfying(DaemonClient.ClientException.class, e -> {
          assertThat(e.unreachable).isTrue();
          assertThat(e.getMessage()).startsWith("the daemon at http://127.0.0.1:"
              + server.getLocalPort() + " did not answer");
        });
    // Sent again, a restart the daemon did carry out would stop the new run and start another.
    assertThat(requests).containsExactly("POST /api/v1/app/restart HTTP/1.1 (0 bytes)");
  }

  @Test
  void aBodyIsSentWholeWithItsLength() throws Exception {
    DaemonClient client = DaemonClient.of(config);

    assertThatThrownBy(() -> client.put("/api/v1/config", "{\"values\":{\"a\":\"é\"}}"))
        .isInstanceOf(DaemonClient.ClientException.class);
    assertThat(requests).containsExactly("PUT /api/v1/config HTTP/1.1 (21 bytes)");
  }

  private void dropEveryRequest() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        requests.add(readRequest(socket.getInputStream()));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** The request line and how many body bytes came, as its Content-Length announced. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    int body = in.readNBytes(length).length;
    return lines[0] + " (" + body + " bytes)";
  }
}
