package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/bundle}: the body is streamed to a file (never aggregated: far above the
 * listener's body limit), handed over once complete, and removed afterwards; refusals come from
 * the head alone, before a file is made.
 */
@ExtendWith(NoBufferLeaks.class)
class BundleUploadTest {

  @TempDir Path state;
  /** Ordinary bodies up to 1 KiB; bundles up to 64 KiB. */
  private static final ApiLimits LIMITS = new ApiLimits(1024, 4096, Duration.ofSeconds(60),
      Duration.ofSeconds(5), 8, 8, Duration.ofSeconds(10), 64 * 1024);
  private final ApiChannel api = new ApiChannel(LIMITS);
  private final List<String> received = new ArrayList<>();
  private final CompletableFuture<BundleResult> answer = new CompletableFuture<>();
  private Path handedOver;
  private final java.util.concurrent.atomic.AtomicBoolean claimed =
      new java.util.concurrent.atomic.AtomicBoolean();

  @BeforeEach
  void serveBundles() {
    api.app.bundleUploads = new BundleUploads() {
      @Override
      public boolean claim() {
        return claimed.compareAndSet(false, true);
      }

      @Override
      public void release() {
        claimed.set(false);
      }

      @Override
      public Path directory() {
        return state.resolve("bundle-uploads");
      }

      @Override
      public CompletableFuture<BundleResult> install(Path file, String name, boolean dryRun,
          boolean loadOnly) {
        handedOver = file;
        try {
          received.add(name + " dry_run=" + dryRun + " load_only=" + loadOnly + ": "
              + Files.readString(file));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return answer;
      }
    };
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aBodyLargerThanAnyOtherCallTakesIsStreamedToAFileAndRemovedOnceHandled() throws Exception {
    String body = "x".repeat(20_000);
    String head = "POST /api/v1/bundle?dry_run=true&name=shop-2.tar HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nContent-Length: " + body.length()
        + "\r\n\r\n";
    api.server.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.UTF_8));
    for (int i = 0; i < 4; i++) {
      api.server.writeInbound(Unpooled.copiedBuffer(body.substring(i * 5000, (i + 1) * 5000),
          StandardCharsets.UTF_8));
    }
    api.server.runPendingTasks();
    assertThat(received).containsExactly("shop-2.tar dry_run=true load_only=false: " + body);
    assertThat(handedOver).exists();

    answer.complete(new BundleResult("shop", "2", "1.4.0", List.of("shop/web:2"), false,
        "dry run: shop-2.tar was verified", null));
    api.server.runPendingTasks();
    FullHttpResponse response = api.read();

    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response)).contains("\"app\":\"shop\"",
        "\"tugboat_version\":\"1.4.0\"", "\"images\":[\"shop/web:2\"]", "\"loaded\":false");
    assertThat(handedOver).doesNotExist();
  }

  @Test
  void aConnectionWaitingForItsVerdictIsNotClosedAsIdle() {
    api.server.writeInbound(Unpooled.copiedBuffer("POST /api/v1/bundle HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\nContent-Length: 5\r\n\r\nhello", StandardCharsets.UTF_8));
    api.server.runPendingTasks();

    api.server.pipeline().fireUserEventTriggered(
        io.netty.handler.timeout.IdleStateEvent.ALL_IDLE_STATE_EVENT);

    assertThat(api.server.isOpen()).isTrue();
    answer.complete(new BundleResult("shop", "2", "1.4.0", List.of(), true, "loaded", null));
    api.server.runPendingTasks();
    assertThat(api.read().status().code()).isEqualTo(200);
    api.server.pipeline().fireUserEventTriggered(
        io.netty.handler.timeout.IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(api.server.isOpen()).as("idle once answered").isFalse();
  }

  @Test
  void withoutTheTokenNothingIsStored() throws Exception {
    FullHttpResponse refused = api.send("POST /api/v1/bundle HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Length: 5\r\n\r\nhello");

    assertThat(refused.status().code()).isEqualTo(401);
    assertThat(received).isEmpty();
    assertThat(state.resolve("bundle-uploads")).doesNotExist();
  }

  @Test
  void aBundleOverTheLimitIsRefusedFromItsHead() {
    FullHttpResponse refused = api.send("POST /api/v1/bundle HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nContent-Length: " + (64 * 1024 + 1)
        + "\r\n\r\n");

    assertThat(refused.status().code()).isEqualTo(413);
    assertThat(ApiChannel.body(refused)).contains("bundle_max_mb");
    assertThat(state.resolve("bundle-uploads")).doesNotExist();
  }

  @Test
  void aBodyWithoutItsLengthIsRefusedSoTheDisksRoomCanBeCheckedFirst() {
    FullHttpResponse refused = api.send("POST /api/v1/bundle HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5\r\nhello\r\n0\r\n\r\n");

    assertThat(refused.status().code()).isEqualTo(411);
    assertThat(ApiChannel.body(refused)).contains("Content-Length");
    assertThat(received).isEmpty();
  }

  @Test
  void anUploadTheClientAbandonsLeavesNoFile() throws Exception {
    api.server.writeInbound(Unpooled.copiedBuffer("POST /api/v1/bundle HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\nContent-Length: 10000\r\n\r\n" + "y".repeat(3000), StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    assertThat(Files.list(state.resolve("bundle-uploads"))).hasSize(1);

    api.server.close();

    assertThat(Files.list(state.resolve("bundle-uploads"))).isEmpty();
    assertThat(received).isEmpty();
  }

  @Test
  void aDaemonThatTakesNoBundlesSaysSo() {
    api.app.bundleUploads = null;

    FullHttpResponse refused = api.send("POST /api/v1/bundle HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(refused.status().code()).isEqualTo(404);
  }

  @Test
  void anUploadWhoseBodyStopsArrivingIsAbandonedWhenIdle() throws Exception {
    api.server.writeInbound(Unpooled.copiedBuffer("POST /api/v1/bundle HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\nContent-Length: 10000\r\n\r\n" + "y".repeat(3000), StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    assertThat(Files.list(state.resolve("bundle-uploads"))).hasSize(1);

    api.server.pipeline().fireUserEventTriggered(
        io.netty.handler.timeout.IdleStateEvent.ALL_IDLE_STATE_EVENT);

    assertThat(api.server.isOpen()).isFalse();
    assertThat(Files.list(state.resolve("bundle-uploads"))).isEmpty();
    assertThat(received).isEmpty();
    assertThat(claimed).as("the next upload may come").isFalse();
  }

  @Test
  void aSecondUploadWhileOneIsUnderWayIsRefusedFromItsHead() throws Exception {
    api.server.writeInbound(Unpooled.copiedBuffer("POST /api/v1/bundle HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\nContent-Length: 10000\r\n\r\n" + "y".repeat(3000), StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    ApiChannel other = new ApiChannel(LIMITS, api.app);
    try {
      other.server.writeInbound(Unpooled.copiedBuffer("POST /api/v1/bundle HTTP/1.1\r\n"
          + "Host: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN
          + "\r\nContent-Length: 5000\r\n\r\n", StandardCharsets.UTF_8));
      other.server.runPendingTasks();
      FullHttpResponse refused = other.read();

      assertThat(refused.status().code()).isEqualTo(409);
      assertThat(ApiChannel.body(refused)).contains("another bundle is being uploaded");
      assertThat(Files.list(state.resolve("bundle-uploads"))).hasSize(1);
    } finally {
      other.close();
    }
  }

  @Test
  void aRequestArrivingWholeWithItsBodyIsStoredAndReleasedOnce() throws Exception {
    io.netty.handler.codec.http.DefaultFullHttpRequest whole =
        new io.netty.handler.codec.http.DefaultFullHttpRequest(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            io.netty.handler.codec.http.HttpMethod.POST, "/api/v1/bundle?name=whole.tar",
            Unpooled.copiedBuffer("hello", StandardCharsets.UTF_8));
    whole.headers().set("Host", "localhost").set("Authorization", "Bearer " + ApiChannel.TOKEN)
        .set("Content-Length", 5);

    // what a codec that aggregates would hand on: the head and the whole body in one message
    io.netty.channel.ChannelHandlerContext handler =
        api.server.pipeline().context(BundleUploadHandler.class);
    ((BundleUploadHandler) handler.handler()).channelRead(handler, whole);
    api.server.runPendingTasks();

    assertThat(received).containsExactly("whole.tar dry_run=false load_only=false: hello");
    assertThat(whole.refCnt()).isZero();
  }
}
