package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the API decides from a request's head alone, before it reads a byte of the body. */
@ExtendWith(NoBufferLeaks.class)
class RequestGateTest {

  private final ApiChannel api = new ApiChannel(new ApiLimits(1024 * 1024, 4096,
      Duration.ofSeconds(60), Duration.ofSeconds(5), 8, 8, Duration.ofSeconds(10)));

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aPageUnderAnotherNameIsRefusedEvenWithoutAToken() {
    for (String path : new String[] {"/metrics", "/healthz", "/", "/api/v1/status"}) {
      FullHttpResponse refused = api.send("GET " + path
          + " HTTP/1.1\r\nHost: rebind.attacker.example:8800\r\n\r\n");
      assertThat(refused.status().code()).as(path).isEqualTo(421);
      assertThat(ApiChannel.body(refused)).contains("'rebind.attacker.example:8800'")
          .contains("api_hostnames");
    }
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void addressesLocalhostTheConfiguredNameAndNoHostAreServed() {
    for (String host : new String[] {"Host: 127.0.0.1:8800\r\n", "Host: [::1]:8800\r\n",
        "Host: 10.1.2.3\r\n", "Host: LOCALHOST\r\n", "Host: console.example.com:8800\r\n",
        "Host: console.example.com.\r\n", ""}) {
      FullHttpResponse metrics = api.send("GET /metrics HTTP/1.1\r\n" + host + "\r\n");
      assertThat(metrics.status().code()).as(host).isEqualTo(200);
    }
  }

  @Test
  void aWrongTokenIsRefusedBeforeTheBodyArrivesAndTheConnectionClosed() {
    FullHttpResponse refused = api.send("PUT /api/v1/spec HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer wrong\r\nContent-Length: 1000000\r\n\r\nname: a");
    assertThat(refused.status().code()).isEqualTo(403);
    assertThat(api.server.isOpen()).isFalse();
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void aCallWithoutAnUploadTakesASmallBodyOnly() {
    FullHttpResponse refused = api.send("POST /api/v1/app/start HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nContent-Length: "
        + (RequestGate.SMALL_BODY_BYTES + 1) + "\r\n\r\n");
    assertThat(refused.status().code()).isEqualTo(413);
    assertThat(ApiChannel.body(refused)).contains("65536 bytes");
    assertThat(api.server.isOpen()).isFalse();
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void aChunkedBodyBeyondTheCallsLimitIsRefusedAsItArrives() {
    String chunk = "x".repeat(40 * 1024);
    String size = Integer.toHexString(chunk.length());
    FullHttpResponse refused = api.send("POST /api/v1/app/start HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n"
        + size + "\r\n" + chunk + "\r\n" + size + "\r\n" + chunk + "\r\n");
    assertThat(refused.status().code()).isEqualTo(413);
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void anUploadTakesTheListenersLimit() {
    String spec = "#" + "x".repeat(200 * 1024) + "\n";
    FullHttpResponse answer = api.call("PUT", "/api/v1/spec?dry_run=true", spec);
    assertThat(answer.status().code()).isNotEqualTo(413);
  }

  @Test
  void aRequestHeadThatTakesLongerThanItsDeadlineClosesTheConnection() {
    api.server.freezeTime();
    api.send("GET /api/v1/status HTTP/1.1\r\nHost: local");
    api.server.advanceTimeBy(9, TimeUnit.SECONDS);
    api.server.runScheduledPendingTasks();
    api.send("h");
    assertThat(api.server.isOpen()).isTrue();
    api.server.advanceTimeBy(2, TimeUnit.SECONDS);
    api.server.runScheduledPendingTasks();
    assertThat(api.server.isOpen()).isFalse();
  }

  @Test
  void anIdleConnectionBetweenRequestsIsTheIdleTimeoutsNotTheHeadDeadlines() {
    api.server.freezeTime();
    assertThat(api.get("/api/v1/status").status().code()).isEqualTo(200);
    api.server.advanceTimeBy(30, TimeUnit.SECONDS);
    api.server.runScheduledPendingTasks();
    assertThat(api.server.isOpen()).isTrue();
    assertThat(api.get("/api/v1/status").status().code()).isEqualTo(200);
  }

  @Test
  void everyAnswerCarriesTheHeadersThatKeepOtherSitesOut() {
    for (FullHttpResponse response : new FullHttpResponse[] {api.get("/api/v1/status"),
        api.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        api.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        api.send("GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n")}) {
      assertThat(response.headers().get("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.headers().get("Content-Security-Policy"))
          .isEqualTo("frame-ancestors 'none'");
      assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }
}
