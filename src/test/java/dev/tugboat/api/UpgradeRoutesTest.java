package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/v1/spec}, {@code POST /api/v1/app/rollback} and {@code GET /api/v1/history}. */
class UpgradeRoutesTest {

  private static final String SPEC = "name: demo\nversion: \"2\"\n";
  private final ApiChannel api = new ApiChannel();

  @Test
  void applyTakesTheYamlBodyAndAnswersTheChanges() {
    FullHttpResponse response = api.call("PUT", "/api/v1/spec?name=v2.yml", SPEC);
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response))
        .startsWith("{\"applied\":true,\"state\":\"starting\",\"message\":\"stopped run run-1;"
            + " started run run-2 of demo 2\",\"run_id\":\"run-2\","
            + "\"from\":{\"name\":\"demo\",\"version\":\"1\"},"
            + "\"to\":{\"name\":\"demo\",\"version\":\"2\"},")
        .contains("\"changes\":{\"containers_added\":[],\"containers_removed\":[],"
            + "\"containers_changed\":[{\"container\":\"app/web\","
            + "\"changes\":[\"image web:1 -> web:2\"]}],\"events_added\":[],\"events_removed\":[]}")
        .contains("\"summary\":[\"~ container app/web: image web:1 -> web:2\"]");
    assertThat(api.app.calls).containsExactly("apply v2.yml " + SPEC.length() + " bytes");
  }

  @Test
  void dryRunAndTheDefaultNameArePassedOn() {
    api.call("PUT", "/api/v1/spec?dry_run=true", SPEC);
    assertThat(api.app.calls)
        .containsExactly("apply <request body> dry-run " + SPEC.length() + " bytes");
  }

  @Test
  void anInvalidSpecIs400WithEachProblem() {
    FullHttpResponse response = api.call("PUT", "/api/v1/spec?name=v2.yml", "broken: 1\n");
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(ApiChannel.body(response)).isEqualTo("{\"error\":\"v2.yml has 1 error; nothing was"
        + " changed:\\nv2.yml:1:1: error [unknown-key] unknown key 'broken'\"}");
  }

  @Test
  void refusedBeforeReachingTheApp() {
    assertThat(ApiChannel.body(api.call("PUT", "/api/v1/spec", "")))
        .isEqualTo("{\"error\":\"send the spec's YAML as the request body"
            + " (tugboat apply FILE does)\"}");
    assertThat(ApiChannel.body(api.call("PUT", "/api/v1/spec?dry_run=maybe", SPEC)))
        .isEqualTo("{\"error\":\"query parameter 'dry_run' must be true or false, got 'maybe'\"}");
    assertThat(api.call("POST", "/api/v1/spec", SPEC).status().code()).isEqualTo(405);
    assertThat(api.call("PUT", "/api/v1/spec?name=%0Aevil", SPEC).status().code())
        .isEqualTo(400);
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void applyAndRollbackNeedTheTokenAndABodyWithinTheLimit() {
    FullHttpResponse none = api.send("PUT /api/v1/spec HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
        + SPEC.length() + "\r\n\r\n" + SPEC);
    assertThat(none.status().code()).isEqualTo(401);
    // refused before its body was read: the connection cannot be trusted to be in step, and an
    // unauthenticated client gets nothing more from it
    assertThat(api.server.isOpen()).isFalse();
    ApiChannel again = new ApiChannel();
    try {
      FullHttpResponse wrong = again.send("POST /api/v1/app/rollback HTTP/1.1\r\n"
          + "Host: localhost\r\nAuthorization: Bearer nope\r\n\r\n");
      assertThat(wrong.status().code()).isEqualTo(403);
      assertThat(again.call("PUT", "/api/v1/spec", "x".repeat(2000)).status().code())
          .isEqualTo(413);
      assertThat(again.app.calls).isEmpty();
    } finally {
      again.close();
    }
    assertThat(api.app.calls).isEmpty();
  }

  @Test
  void rollbackAnswersWhatItStarted() {
    FullHttpResponse response = api.call("POST", "/api/v1/app/rollback", "");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response)).contains("\"run_id\":\"run-2\"");
    assertThat(api.app.calls).containsExactly("rollback");
  }

  @Test
  void historyListsTheRunsNewestFirst() {
    api.app.runs = List.of(
        new RunRecord("run-2", "demo", "2", Instant.parse("2026-01-01T00:10:00Z"), null,
            "started", ""),
        new RunRecord("run-1", "demo", "1", Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:09:00Z"), "failed", "ready check failed"));
    FullHttpResponse response = api.get("/api/v1/history");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(response)).isEqualTo("{\"runs\":["
        + "{\"run_id\":\"run-2\",\"spec_name\":\"demo\",\"spec_version\":\"2\","
        + "\"started_at\":\"2026-01-01T00:10:00Z\",\"ended_at\":null,\"outcome\":\"started\","
        + "\"cause\":\"\"},"
        + "{\"run_id\":\"run-1\",\"spec_name\":\"demo\",\"spec_version\":\"1\","
        + "\"started_at\":\"2026-01-01T00:00:00Z\",\"ended_at\":\"2026-01-01T00:09:00Z\","
        + "\"outcome\":\"failed\",\"cause\":\"ready check failed\"}]}");
    assertThat(api.send("GET /api/v1/history HTTP/1.1\r\nHost: localhost\r\n\r\n").status().code())
        .isEqualTo(401);
    assertThat(api.call("POST", "/api/v1/history", "").status().code()).isEqualTo(405);
  }
}
