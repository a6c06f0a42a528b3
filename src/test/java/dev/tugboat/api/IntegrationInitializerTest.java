package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Integration API's caps: a container that holds a connection idle, or dribbles a head. */
class IntegrationInitializerTest {

  private final IntegrationInitializer initializer =
      new IntegrationInitializer(new FakeApp(), LicenseService.none(), ApiLimits.integration());

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    // a real socket: the idle timeout reads the system's clock, not an embedded channel's
    ApiLimits oneSecond = new ApiLimits(64 * 1024, 16 * 1024, java.time.Duration.ofSeconds(1),
        java.time.Duration.ofSeconds(1), 8, 2, java.time.Duration.ofSeconds(10));
    ApiServer server = ApiServer.startIntegration(new java.net.InetSocketAddress("127.0.0.1", 0),
        new FakeApp(), oneSecond);
    try (java.net.Socket idle = new java.net.Socket()) {
      idle.connect(server.address());
      idle.setSoTimeout(10_000);
      long start = System.nanoTime();
      assertThat(idle.getInputStream().read()).as("end of stream").isEqualTo(-1);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(java.time.Duration.ofSeconds(10));
    } finally {
      server.close();
    }
  }

  @Test
  void aHeadThatTakesLongerThanItsDeadlineIsClosed() {
    EmbeddedChannel channel = new EmbeddedChannel(initializer);
    channel.freezeTime();
    channel.writeInbound(Unpooled.copiedBuffer("PUT /x/status/v1/startup HTTP/1.1\r\nHo",
        StandardCharsets.US_ASCII));
    channel.advanceTimeBy(11, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }
}
