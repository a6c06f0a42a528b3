package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/snapshots} and {@code POST /api/v1/app/rollback?data=true}, and the answers
 * that may come after the idle timeout (an admin command's too).
 */
class SnapshotRoutesTest {

  private final ApiChannel api = new ApiChannel();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theListCreationAndRestoreReachTheAppAndAnswerInSnakeCase() {
    FullHttpResponse list = api.call("GET", "/api/v1/snapshots", "");
    assertThat(list.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(list)).isEqualTo("{\"snapshots\":[{\"id\":\"20261205-221901.322-7b4b\","
        + "\"created\":\"2026-12-05T22:19:01.322Z\",\"cause\":\"apply\",\"reason\":\"before the"
        + " upgrade to demo 2\",\"app\":\"demo\",\"version\":\"1\",\"seconds\":1.7,"
        + "\"bytes\":7549747,\"volumes\":[{\"name\":\"pgdata\",\"kind\":\"named-volume\","
        + "\"path\":\"/var/lib/postgresql/data\",\"archive_bytes\":7549747,\"sha256\":\""
        + "ab".repeat(32) + "\",\"owner\":\"999:999\",\"mode\":\"0700\"}]}]}");

    FullHttpResponse refused = api.call("POST", "/api/v1/snapshots", "");
    assertThat(refused.status().code()).isEqualTo(409);
    assertThat(ApiChannel.body(refused)).contains("a consistent snapshot needs it stopped");
    FullHttpResponse created = api.call("POST", "/api/v1/snapshots?stop=true", "");
    assertThat(created.status().code()).isEqualTo(200);
    assertThat(ApiChannel.body(created)).startsWith("{\"message\":\"snapshot taken\","
        + "\"snapshot\":{\"id\":\"20261205-221901.322-7b4b\"").endsWith(",\"run_id\":\"run-2\"}");
    FullHttpResponse restored = api.call("POST",
        "/api/v1/snapshots/20261205-221901.322-7b4b/restore", "");
    assertThat(restored.status().code()).isEqualTo(200);
    assertThat(api.call("POST", "/api/v1/app/rollback?data=true", "").status().code())
        .isEqualTo(200);

    assertThat(api.app.calls).containsExactly("snapshots", "create snapshot",
        "create snapshot with stop", "restore 20261205-221901.322-7b4b", "rollback with data");
  }

  @Test
  void anAnswerThatComesAfterTheIdleTimeoutStillReachesTheClient() {
    api.app.restoreAnswer = new CompletableFuture<>();
    api.app.applyAnswer = new CompletableFuture<>();
    assertThat(api.call("POST", "/api/v1/snapshots/20261205-221901.322-7b4b/restore", ""))
        .as("no answer while the data is copied").isNull();

    api.server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(api.server.isOpen()).as("waiting for its answer, not idle").isTrue();
    api.app.restoreAnswer.complete(new SnapshotResult("restored", api.app.dataSnapshot, "run-3"));
    api.server.runPendingTasks();
    assertThat(api.read().status().code()).isEqualTo(200);

    assertThat(api.call("PUT", "/api/v1/spec?name=demo.yml", "name: demo")).isNull();
    api.server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(api.server.isOpen()).as("an apply copies the data first").isTrue();
    api.app.applyAnswer.complete(api.app.applied);
    api.server.runPendingTasks();
    assertThat(api.read().status().code()).isEqualTo(200);

    // an admin command runs for the spec's timeout, minutes perhaps
    api.app.adminAnswer = new CompletableFuture<>();
    assertThat(api.call("POST", "/api/v1/admin/dump", "")).isNull();
    api.server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(api.server.isOpen()).as("an admin command is still running").isTrue();
    api.app.adminAnswer.complete(new AppService.AdminResult(0, "dumped\n"));
    api.server.runPendingTasks();
    assertThat(api.read().status().code()).isEqualTo(200);

    api.server.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    assertThat(api.server.isOpen()).as("idle once answered").isFalse();
  }

  @Test
  void wrongMethodsAndPathsNeverReachTheApp() {
    assertThat(api.call("PUT", "/api/v1/snapshots", "").status().code()).isEqualTo(405);
    assertThat(api.call("GET", "/api/v1/snapshots/x/restore", "").status().code())
        .isEqualTo(405);
    assertThat(api.call("POST", "/api/v1/snapshots/x/delete", "").status().code())
        .isEqualTo(404);
    assertThat(api.call("POST", "/api/v1/snapshots?stop=maybe", "").status().code())
        .isEqualTo(400);
    assertThat(api.app.calls).isEmpty();
  }
}
