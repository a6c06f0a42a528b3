package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream client that stops reading, over a real loopback socket (an embedded channel is always
 * writable): the daemon must not pile the events up in its memory for it, and drops it.
 */
class EventStreamBackpressureTest {

  private static final int EVENTS = 100;
  private static final int TEXT_BYTES = 300 * 1024;

  private final FakeApp app = new FakeApp();
  private ApiServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aClientThatStopsReadingIsNotFedAndIsDroppedAfterTheIdleTimeout() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), app, ApiChannel.TOKEN,
        new ApiLimits(1024 * 1024, 16 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(1), 10),
        1);
    String text = "x".repeat(TEXT_BYTES);
    for (int i = 1; i <= EVENTS; i++) {
      app.events.append(new ApiEvent(i, Instant.EPOCH, "run-1", "Note", text, "loop"));
    }
    try (Socket client = new Socket()) {
      client.setReceiveBufferSize(64 * 1024);
      client.connect(server.address());
      OutputStream out = client.getOutputStream();
      out.write(("GET /api/v1/events/stream?after=0 HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // read nothing while the daemon would write everything it has
      Thread.sleep(3000);

      client.setSoTimeout(10_000);
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long received = 0;
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received += n;
        }
      } catch (SocketTimeoutException stillOpen) {
        throw new AssertionError("the daemon kept feeding a client that read nothing for 3 s;"
            + " received " + received + " bytes", stillOpen);
      }
      assertThat(received).as("bytes the daemon sent before it dropped the client")
          .isLessThan((long) EVENTS * TEXT_BYTES);
    }
  }
}
