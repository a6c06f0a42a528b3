package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.model.Event;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.EventContainer;
import dev.tugboat.runtime.HealthStatus;
import dev.tugboat.runtime.RuntimeEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps the engine's container events to {@link RuntimeEvent}s; others are dropped. */
final class DockerEvents {
  /**
   * The engine puts a container's labels into the event's attributes, next to these keys of its
   * own. A label with one of these names cannot be told apart and is left out.
   */
  private static final Set<String> ENGINE_ATTRIBUTES =
      Set.of("name", "image", "exitCode", "signal", "execID", "container");

  private DockerEvents() {}

  static Optional<RuntimeEvent> map(Event event) {
    if (event.getActor() == null || event.getAction() == null) {
      return Optional.empty();
    }
    Instant time = time(event);
    EventContainer container = container(event);
    String action = event.getAction();
    Map<String, String> attributes = attributes(event);
    return switch (action) {
      case "create" -> Optional.of(new RuntimeEvent.Created(time, container));
      case "start" -> Optional.of(new RuntimeEvent.Started(time, container));
      case "die" -> Optional.of(new RuntimeEvent.Died(time, container, exitCode(attributes)));
      case "oom" -> Optional.of(new RuntimeEvent.OutOfMemory(time, container));
      case "destroy" -> Optional.of(new RuntimeEvent.Destroyed(time, container));
      default -> health(action).map(s -> new RuntimeEvent.HealthChanged(time, container, s));
    };
  }

  /** The action reads {@code health_status: healthy}. */
  private static Optional<HealthStatus> health(String action) {
    String prefix = "health_status:";
    if (!action.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.of(HealthStatus.parse(action.substring(prefix.length())));
  }

  private static int exitCode(Map<String, String> attributes) {
    String code = attributes.get("exitCode");
    return code == null ? -1 : Integer.parseInt(code.trim());
  }

  private static Instant time(Event event) {
    Long nanos = event.getTimeNano();
    if (nanos != null && nanos > 0) {
      return Instant.ofEpochSecond(0, nanos);
    }
    return Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
  }

  private static EventContainer container(Event event) {
    Map<String, String> attributes = attributes(event);
    Map<String, String> labels = new HashMap<>(attributes);
    labels.keySet().removeAll(ENGINE_ATTRIBUTES);
    return new EventContainer(ContainerId.of(event.getActor().getId()),
        attributes.getOrDefault("name", ""), attributes.getOrDefault("image", ""), labels);
  }

  private static Map<String, String> attributes(Event event) {
    Map<String, String> attributes = event.getActor().getAttributes();
    return attributes == null ? Map.of() : attributes;
  }
}
