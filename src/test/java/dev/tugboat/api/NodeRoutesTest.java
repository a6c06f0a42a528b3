package dev.tugboat.api;

import static dev.tugboat.api.ApiChannel.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/v1/nodes} and {@code POST /api/v1/nodes/NODE/tags}. */
@ExtendWith(NoBufferLeaks.class)
class NodeRoutesTest {

  private final FakeNodes nodes = new FakeNodes();
  private final ApiChannel api = new ApiChannel(nodes);

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void getListsTheNodesWithTheirTasks() {
    FullHttpResponse response = api.get("/api/v1/nodes");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(body(response)).startsWith("{\"swarm\":\"manager\",\"message\":\"\",\"nodes\":[")
        .contains("\"hostname\":\"tugboat-worker-1\",\"role\":\"worker\",\"leader\":false,"
            + "\"availability\":\"active\",\"state\":\"ready\",\"address\":\"172.17.0.2\","
            + "\"engine_version\":\"20.10.24\",\"tags\":[],\"labels\":{},\"tasks\":[{\"id\":\"t1\","
            + "\"service\":\"shop_cassandra\",\"app\":\"shop\",\"state\":\"running\"}],"
            + "\"containers\":[]}")
        .contains("\"containers\":[{\"name\":\"tugboat-shop-web-1\",\"container\":\"web/nginx\","
            + "\"state\":\"running\"}]}")
        .endsWith("\"unplaced_tasks\":[]}");
  }

  @Test
  void postAddsAndRemovesTagsAndAnswersTheNode() {
    FullHttpResponse response = api.call("POST", "/api/v1/nodes/tugboat-worker-1/tags",
        "{\"add\": [\"db\", \"ssd\"]}");
    assertThat(response.status().code()).isEqualTo(200);
    assertThat(body(response)).contains("\"tags\":[\"db\",\"ssd\"]",
        "\"labels\":{\"dev.tugboat.tag.db\":\"true\",\"dev.tugboat.tag.ssd\":\"true\"}");
    assertThat(body(api.call("POST", "/api/v1/nodes/w1/tags", "{\"remove\": [\"ssd\"]}")))
        .contains("\"tags\":[\"db\"]");
    assertThat(nodes.changes).containsExactly("tugboat-worker-1 +[db, ssd] -[]", "w1 +[] -[ssd]");
  }

  @Test
  void aBadTagIs400AndAnUnknownNode404WithTheReason() {
    FullHttpResponse bad = api.call("POST", "/api/v1/nodes/w1/tags", "{\"add\": [\"bad\"]}");
    assertThat(bad.status().code()).isEqualTo(400);
    assertThat(body(bad)).isEqualTo("{\"error\":\"tag 'bad' is bad\"}");
    FullHttpResponse gone = api.call("POST", "/api/v1/nodes/gone/tags", "{\"add\": [\"db\"]}");
    assertThat(gone.status().code()).isEqualTo(404);
    assertThat(body(gone)).contains("'gone'");
  }

  @Test
  void aBodyWithoutTagsIsRefusedBeforeTheEngineIsAsked() {
    assertThat(api.call("POST", "/api/v1/nodes/w1/tags", "{}").status().code()).isEqualTo(400);
    assertThat(body(api.call("POST", "/api/v1/nodes/w1/tags", "{\"add\": \"db\"}")))
        .isEqualTo("{\"error\":\"\\\"add\\\" must be a list of tags\"}");
    assertThat(api.call("POST", "/api/v1/nodes/w1/tags", "{\"add\": [1]}").status().code())
        .isEqualTo(400);
    assertThat(nodes.changes).isEmpty();
  }

  @Test
  void needsTheTokenAndAKnownMethodAndPath() {
    FullHttpResponse anonymous = api.send("GET /api/v1/nodes HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(anonymous.status().code()).isEqualTo(401);
    assertThat(api.call("DELETE", "/api/v1/nodes", "").status().code()).isEqualTo(405);
    assertThat(api.call("GET", "/api/v1/nodes/w1/tags", "").status().code()).isEqualTo(405);
    assertThat(api.get("/api/v1/nodes/w1").status().code()).isEqualTo(404);
  }

  @Test
  void aDaemonWithoutNodesSaysSo() {
    ApiChannel none = new ApiChannel(NodesService.none());
    try {
      FullHttpResponse response = none.get("/api/v1/nodes");
      assertThat(response.status().code()).isEqualTo(404);
    } finally {
      none.close();
    }
  }
}
