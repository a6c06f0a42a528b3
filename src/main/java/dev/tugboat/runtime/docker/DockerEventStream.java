package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.tugboat.runtime.EventFilter;
import dev.tugboat.runtime.RuntimeEventListener;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;

/**
 * The engine's container event stream. It does not reconnect by itself: when the engine stops, the
 * stream ends with an error after the last kill/die/stop events, and a new subscription sees only
 * what happens from then on. So the end is passed to the listener, which must resubscribe and
 * re-read container state rather than trust it saw everything.
 */
final class DockerEventStream {
  private final DockerClient client;
  private final DockerFailures failures;

  DockerEventStream(DockerClient client, DockerFailures failures) {
    this.client = client;
    this.failures = failures;
  }

  Subscription subscribe(EventFilter filter, RuntimeEventListener listener) {
    EventsCmd cmd = client.eventsCmd().withEventTypeFilter(EventType.CONTAINER);
    if (!filter.labels().isEmpty()) {
      cmd.withLabelFilter(filter.labels());
    }
    Stream stream = new Stream(listener);
    try {
      return cmd.exec(stream);
    } catch (RuntimeException e) {
      throw failures.of("stream events", e);
    }
  }

  private final class Stream extends DockerStream<Event> {
    private final RuntimeEventListener listener;

    Stream(RuntimeEventListener listener) {
      super(e -> failures.of("stream events", e));
      this.listener = listener;
    }

    @Override
    void deliver(Event event) {
      DockerEvents.map(event).ifPresent(listener::onEvent);
    }

    @Override
    void ended(StreamEnd end) {
      listener.onEnd(end);
    }
  }
}
