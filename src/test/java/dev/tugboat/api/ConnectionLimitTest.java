package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBufferLeaks.class)
class ConnectionLimitTest {

  private final ApiContext context = ApiContext.of(new FakeApp(), ApiChannel.TOKEN,
      new ApiLimits(1024, 1024, Duration.ofSeconds(60), Duration.ofSeconds(5), 2));

  @AfterEach
  void close() {
    context.status().close();
  }

  @Test
  void beyondTheCapAConnectionGets503AndIsClosedWhileTheOthersAreServed() {
    EmbeddedChannel first = connect();
    EmbeddedChannel second = connect();
    EmbeddedChannel third = connect();

    assertThat(third.isOpen()).isFalse();
    assertThat(written(third)).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
        .contains("retry-after: 1\r\n")
        .endsWith("{\"error\":\"too many open connections to the daemon; close idle ones and"
            + " retry\"}");
    assertThat(first.isOpen()).isTrue();
    assertThat(healthz(second)).startsWith("HTTP/1.1 200 OK");
    assertThat(context.connections().open()).isEqualTo(2);
    assertThat(context.connections().refused()).isEqualTo(1);
    assertThat(MetricsText.render(context)).contains("tugboat_api_connections_open 2\n")
        .contains("tugboat_api_connections_refused_total 1\n");
    first.finishAndReleaseAll();
    second.finishAndReleaseAll();
  }

  @Test
  void aClosedConnectionFreesItsPlace() {
    EmbeddedChannel first = connect();
    connect().finishAndReleaseAll();
    EmbeddedChannel third = connect();
    assertThat(third.isOpen()).isTrue();
    assertThat(healthz(third)).startsWith("HTTP/1.1 200 OK");
    first.finishAndReleaseAll();
    third.finishAndReleaseAll();
    assertThat(context.connections().open()).isZero();
  }

  private EmbeddedChannel connect() {
    return new EmbeddedChannel(new ApiInitializer(context));
  }

  @Test
  void onePeerCannotTakeEveryPlace() {
    ApiContext perPeer = ApiContext.of(new FakeApp(), ApiChannel.TOKEN, new ApiLimits(1024, 1024,
        Duration.ofSeconds(60), Duration.ofSeconds(5), 4, 2, Duration.ofSeconds(10)));
    try {
      EmbeddedChannel first = connectFrom(perPeer, "10.0.0.1");
      EmbeddedChannel second = connectFrom(perPeer, "10.0.0.1");
      EmbeddedChannel third = connectFrom(perPeer, "10.0.0.1");
      EmbeddedChannel other = connectFrom(perPeer, "10.0.0.2");

      assertThat(third.isOpen()).isFalse();
      assertThat(written(third)).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
      assertThat(other.isOpen()).isTrue();
      assertThat(healthz(other)).startsWith("HTTP/1.1 200 OK");
      assertThat(perPeer.connections().open()).isEqualTo(3);
      first.finishAndReleaseAll();
      assertThat(connectFrom(perPeer, "10.0.0.1").isOpen()).isTrue();
      second.finishAndReleaseAll();
      other.finishAndReleaseAll();
    } finally {
      perPeer.status().close();
    }
  }

  /** A connection whose peer is {@code ip}: the cap per peer counts by address. */
  private static EmbeddedChannel connectFrom(ApiContext context, String ip) {
    return new EmbeddedChannel(new ApiInitializer(context)) {
      @Override
      protected java.net.SocketAddress remoteAddress0() {
        return new java.net.InetSocketAddress(ip, 40000);
      }
    };
  }

  private static String healthz(EmbeddedChannel channel) {
    channel.writeInbound(Unpooled.copiedBuffer("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n",
        StandardCharsets.US_ASCII));
    channel.runPendingTasks();
    return written(channel);
  }

  private static String written(EmbeddedChannel channel) {
    StringBuilder text = new StringBuilder();
    for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
      text.append(out.toString(StandardCharsets.US_ASCII));
      out.release();
    }
    return text.toString();
  }
}
