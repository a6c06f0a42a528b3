package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.AppPhase;
import io.netty.handler.codec.http.FullHttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoBufferLeaks.class)
class ApiHandlerTest {

  private final ApiChannel api = new ApiChannel();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void apiCallsWithoutTheTokenAre401AndWithAWrongOne403() {
    FullHttpResponse none = api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(none.status().code()).isEqualTo(401);
    assertThat(none.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(ApiChannel.body(none)).contains("Authorization: Bearer TOKEN");

    FullHttpResponse wrong = api.send(
        "POST /api/v1/app/stop HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer nope\r\n\r\n");
    assertThat(wrong.status().code()).isEqualTo(403);
    assertThat(ApiChannel.body(wrong))
        .isEqualTo("{\"error\":\"the token does not match the daemon's token\"}");
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void statusIsTheSnapshotWithComponentsAndEvents() {
    api.app.snapshot = new AppSnapshot("demo", "1.0", AppPhase.STARTED, "started in 2.0 s", null,
        "",
        Instant.parse("2026-01-01T00:00:00Z"), FakeApp.runWith("started", "started in 2.0 s"));
    FullHttpResponse response = api.get("/api/v1/status");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(ApiChannel.body(response))
        .startsWith("{\"app\":{\"name\":\"demo\",\"version\":\"1.0\"},\"state\":\"started\"")
        .contains("\"run_id\":\"run-1\"")
        .contains("\"components\":[{\"name\":\"db\",\"containers\":[{\"name\":\"postgres\","
            + "\"key\":\"db/postgres\"")
        .contains("\"ports\":[\"0.0.0.0:5432->5432/tcp\"]")
        .contains("{\"name\":\"db ready\",\"publisher\":\"db/postgres\","
            + "\"trigger\":\"port-listen 5432\",\"fired\":true");
  }

  @Test
  void statusBodyIsSerializedOncePerSnapshot() {
    StatusJson json = new StatusJson(() -> api.app.snapshot);
    byte[] first = json.body();
    assertThat(json.body()).isSameAs(first);
    api.app.snapshot = api.app.snapshot.withStartupMessage("loading");
    assertThat(json.body()).isNotSameAs(first);
    json.close();
  }

  @Test
  void controlCallsReachTheAppAndAnswerItsResult() {
    FullHttpResponse response = api.call("POST", "/api/v1/app/restart", "");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response))
        .isEqualTo("{\"state\":\"starting\",\"message\":\"started run run-2\","
            + "\"under_way\":false}");
    assertThat(api.app.calls).containsExactly("restart");
    assertThat(api.call("GET", "/api/v1/app/stop", "").status().code()).isEqualTo(405);
    assertThat(api.call("POST", "/api/v1/app/explode", "").status().code()).isEqualTo(404);
  }

  @Test
  void aStopThatGoesOnAfterTheAnswerIsAccepted() {
    FullHttpResponse response = api.call("POST", "/api/v1/app/stop", "");

    assertThat(response.status().code()).isEqualTo(202);
    assertThat(ApiChannel.body(response)).contains("\"state\":\"stopping\"")
        .contains("\"under_way\":true");
  }

  @Test
  void configPutWithBadJsonIs400AndChangesNothing() {
    FullHttpResponse response = api.call("PUT", "/api/v1/config", "{\"values\": ");
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(ApiChannel.body(response)).startsWith("{\"error\":\"the request body is not valid JSON");
    assertThat(api.call("PUT", "/api/v1/config", "[1]").status().code()).isEqualTo(400);
    FullHttpResponse notString = api.call("PUT", "/api/v1/config", "{\"values\":{\"a\":{}}}");
    assertThat(ApiChannel.body(notString)).contains("the value of config item 'a' must be a string");
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void configPutPassesTheAppsRefusalOn() {
    FullHttpResponse refused = api.call("PUT", "/api/v1/config", "{\"values\":{\"nope\":\"1\"}}");
    assertThat(refused.status().code()).isEqualTo(400);
    assertThat(ApiChannel.body(refused)).isEqualTo("{\"error\":\"no config item 'nope' in this spec\"}");
    FullHttpResponse ok = api.call("PUT", "/api/v1/config", "{\"values\":{\"db_password\":\"x\"}}");
    assertThat(ok.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(ok)).contains("\"value\":\"********\"").doesNotContain("\"x\"");
  }

  @Test
  void malformedRequestIs400AndTheChannelIsClosed() {
    FullHttpResponse response = api.send("GARBAGE\r\n\r\n");
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(ApiChannel.body(response)).startsWith("{\"error\":\"malformed HTTP request");
    assertThat(api.server.isOpen()).isFalse();
  }

  @Test
  void tooLargeBodyIs413() {
    FullHttpResponse response = api.call("PUT", "/api/v1/config", "{\"values\":{\"a\":\""
        + "x".repeat(2000) + "\"}}");
    assertThat(response.status().code()).isEqualTo(413);
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void tooLargeHeadersAre431() {
    FullHttpResponse response = api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nX-Big: "
        + "y".repeat(2000) + "\r\n\r\n");
    assertThat(response.status().code()).isEqualTo(431);
  }

  @Test
  void healthzNeedsNoTokenAndSaysWhenDockerIsDown() {
    FullHttpResponse up = api.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(up.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(up)).contains("\"docker\":\"reachable\"");
    api.app.dockerUp = false;
    FullHttpResponse down = api.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(down.status().code()).isEqualTo(503);
  }

  @Test
  void healthzAnswersAtOnceWhenThePeriodicPingFoundTheEngineSilentAndTheStatusSaysSince() {
    api.app.pingHangs = true;
    api.app.engine = EngineStatus.notAnswering(java.time.Instant.parse("2026-01-01T00:00:00Z"),
        "no answer to a ping for 2 s or more");
    FullHttpResponse down = api.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(down.status().code()).isEqualTo(503);
    assertThat(ApiChannel.body(api.get("/api/v1/status")))
        .contains("\"docker\":\"not answering since 2026-01-01T00:00:00Z: no answer to a ping"
            + " for 2 s or more\"");
  }

  @Test
  void eventsAfterAnIdInOrderAndALongPollAnsweredByTheNextEvent() {
    for (int i = 1; i <= 3; i++) {
      api.app.event("ContainerStarted", "started " + i);
    }
    String page = ApiChannel.body(api.get("/api/v1/events?after=1"));
    assertThat(page).contains("\"text\":\"started 2\"").contains("\"text\":\"started 3\"")
        .doesNotContain("started 1").contains("\"last_id\":3");

    assertThat(api.get("/api/v1/events?after=3&wait=5")).isNull();
    api.app.event("AppStarted", "app started");
    api.server.runPendingTasks();
    assertThat(ApiChannel.body(api.read())).contains("\"id\":4").contains("app started");
  }

  @Test
  void badQueryParametersAre400NamingTheParameter() {
    FullHttpResponse response = api.get("/api/v1/events?wait=999");
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(ApiChannel.body(response))
        .isEqualTo("{\"error\":\"query parameter 'wait' must be a whole number from 0 to 5, got '999'\"}");
  }

  @Test
  void logsAndAdminCommandsReachTheApp() {
    assertThat(ApiChannel.body(api.get("/api/v1/containers/db/postgres/logs?tail=20")))
        .isEqualTo("{\"lines\":[\"line 1\",\"line 2\"]}");
    assertThat(ApiChannel.body(api.call("POST", "/api/v1/admin/psql", "{\"args\":[\"-c\",\"x\"]}")))
        .isEqualTo("{\"exit_code\":0,\"output\":\"ok\\n\"}");
    assertThat(api.app.calls).containsExactly("logs db/postgres 20", "admin psql [-c, x]");
  }

  @Test
  void metricsCountRequestsAndShowTheAppState() {
    api.get("/api/v1/status");
    api.app.latency.observe("port-listen", java.time.Duration.ofMillis(300));
    String metrics = ApiChannel.body(api.send("GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    assertThat(metrics).contains("tugboat_app_state{state=\"stopped\"} 1")
        .contains("tugboat_api_requests_total{route=\"/api/v1/status\",code=\"200\"} 1")
        .contains("tugboat_trigger_latency_seconds_bucket{trigger=\"port-listen\",le=\"0.25\"} 0")
        .contains("tugboat_trigger_latency_seconds_bucket{trigger=\"port-listen\",le=\"0.5\"} 1")
        .contains("tugboat_trigger_latency_seconds_count{trigger=\"port-listen\"} 1");
  }

  @Test
  void dashboardPathsThatLeaveTheFolderAreNotFound() {
    assertThat(api.send("GET /dashboard/../../logback.xml HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .status().code()).isEqualTo(404);
    assertThat(api.send("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n").status().code())
        .isEqualTo(404);
  }

  @Test
  void theEventStreamSendsPastEventsThenEachNewOne() {
    api.app.event("ContainerStarted", "started db");
    api.server.writeInbound(io.netty.buffer.Unpooled.copiedBuffer("GET /api/v1/events/stream"
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n",
        java.nio.charset.StandardCharsets.UTF_8));
    api.server.runPendingTasks();
    api.app.event("AppStarted", "app started");
    api.server.runPendingTasks();
    StringBuilder written = new StringBuilder();
    io.netty.buffer.ByteBuf chunk;
    while ((chunk = api.server.readOutbound()) != null) {
      written.append(chunk.toString(java.nio.charset.StandardCharsets.UTF_8));
      chunk.release();
    }
    assertThat(written.toString()).startsWith("HTTP/1.1 200 OK")
        .contains("content-type: text/event-stream")
        .contains("id: 1\nevent: event\ndata: {\"id\":1,")
        .contains("id: 2\nevent: event\ndata: {\"id\":2,");
    assertThat(api.server.isOpen()).isTrue();
  }

  @Test
  void statusIsGzippedForClientsThatAcceptIt() throws Exception {
    FullHttpResponse response = api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n"
        + "Accept-Encoding: gzip, deflate\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\n\r\n");
    assertThat(response.headers().get("Content-Encoding")).isEqualTo("gzip");
    byte[] zipped = new byte[response.content().readableBytes()];
    response.content().readBytes(zipped);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .startsWith("{\"app\":{\"name\":\"demo\"");
    }
  }

  @Test
  void aPollerHoldingTheCurrentStatusGets304WithoutABodyUntilTheRunMoves() {
    FullHttpResponse first = api.get("/api/v1/status");
    String etag = first.headers().get("ETag");
    assertThat(etag).startsWith("W/\"");
    assertThat(first.headers().get("Cache-Control")).isEqualTo("no-cache");

    FullHttpResponse same = api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n"
        + "If-None-Match: " + etag + "\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\n\r\n");
    assertThat(same.status().code()).isEqualTo(304);
    assertThat(same.content().readableBytes()).isZero();
    assertThat(same.headers().get("ETag")).isEqualTo(etag);

    api.app.snapshot = api.app.snapshot.withStartupMessage("loading");
    FullHttpResponse moved = api.send("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n"
        + "If-None-Match: " + etag + "\r\nAuthorization: Bearer " + ApiChannel.TOKEN
        + "\r\n\r\n");
    assertThat(moved.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(moved)).contains("\"startup_message\":\"loading\"");
    assertThat(moved.headers().get("ETag")).isNotEqualTo(etag);
  }

  @Test
  void headOfTheStatusHasTheHeadersOfGetAndNoBody() {
    int length = ApiChannel.body(api.get("/api/v1/status")).getBytes(
        java.nio.charset.StandardCharsets.UTF_8).length;
    FullHttpResponse head = api.send("HEAD /api/v1/status HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + ApiChannel.TOKEN + "\r\n\r\n");
    assertThat(head.status().code()).isEqualTo(200);
    assertThat(head.headers().getInt("Content-Length")).isEqualTo(length);
    assertThat(head.headers().get("ETag")).startsWith("W/");
    assertThat(head.content().readableBytes()).isZero();
    assertThat(api.server.isOpen()).as("the connection stays usable").isTrue();
    assertThat(api.get("/api/v1/status").status().code()).isEqualTo(200);
  }
}
