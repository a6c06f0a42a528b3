package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.runtime.RuntimeEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerEventsTest {
  private static Event event(String action, Map<String, String> extra) {
    Map<String, String> attributes = new java.util.HashMap<>(Map.of(
        "name", "db", "image", "postgres:15", "dev.tugboat.run", "r1"));
    attributes.putAll(extra);
    return new Event().withType(EventType.CONTAINER).withAction(action)
        .withTimenano(1_767_225_600_123_456_789L)
        .withEventActor(new EventActor().withId("abc123").withAttributes(attributes));
  }

  @Test
  void dieCarriesTheExitCodeTheEngineTimeAndTheContainersLabels() {
    RuntimeEvent.Died died = (RuntimeEvent.Died)
        DockerEvents.map(event("die", Map.of("exitCode", "3"))).orElseThrow();
    assertThat(died.exitCode()).isEqualTo(3);
    assertThat(died.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    assertThat(died.container().id()).isEqualTo(ContainerId.of("abc123"));
    assertThat(died.container().name()).isEqualTo("db");
    assertThat(died.container().image()).isEqualTo("postgres:15");
    assertThat(died.container().labels()).isEqualTo(Map.of("dev.tugboat.run", "r1"));
  }

  @Test
  void lifecycleAndHealthActionsMapAndOthersAreDropped() {
    assertThat(DockerEvents.map(event("create", Map.of()))).containsInstanceOf(RuntimeEvent.Created.class);
    assertThat(DockerEvents.map(event("start", Map.of()))).containsInstanceOf(RuntimeEvent.Started.class);
    assertThat(DockerEvents.map(event("oom", Map.of()))).containsInstanceOf(RuntimeEvent.OutOfMemory.class);
    assertThat(DockerEvents.map(event("destroy", Map.of()))).containsInstanceOf(RuntimeEvent.Destroyed.class);
    assertThat(DockerEvents.map(event("health_status: unhealthy", Map.of())).orElseThrow())
        .isInstanceOfSatisfying(RuntimeEvent.HealthChanged.class,
            h -> assertThat(h.status()).isEqualTo(HealthStatus.UNHEALTHY));
    assertThat(DockerEvents.map(event("exec_start: sh -c true", Map.of()))).isEmpty();
    assertThat(DockerEvents.map(event("attach", Map.of()))).isEmpty();
  }
}
