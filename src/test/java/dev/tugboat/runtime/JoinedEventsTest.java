package dev.tugboat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The containers' stream and the Swarm tasks' stream reach the loop as one stream. */
class JoinedEventsTest {

  /** A stream whose test decides what it delivers and when it ends. */
  private static final class Source implements Subscription {
    RuntimeEventListener listener;
    boolean closed;

    Function<RuntimeEventListener, Subscription> opener() {
      return l -> {
        listener = l;
        return this;
      };
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        listener.onEnd(new StreamEnd.Closed());
      }
    }
  }

  private static RuntimeEvent started(String id) {
    return new RuntimeEvent.Started(Instant.EPOCH,
        new EventContainer(ContainerId.of(id), id, "busybox", Map.of()));
  }

  @Test
  void eventsOfEveryStreamArriveAndABrokenStreamEndsTheOthersOnce() {
    Source containers = new Source();
    Source tasks = new Source();
    RecordedEvents recorder = new RecordedEvents();
    JoinedEvents.subscribe(recorder, List.of(containers.opener(), tasks.opener()));

    containers.listener.onEvent(started("c1"));
    tasks.listener.onEvent(started("swarm-slot:svc/1"));
    RuntimeFailure broken = new RuntimeFailure(RuntimeFailure.Kind.ENGINE_UNREACHABLE, "gone");
    tasks.listener.onEnd(new StreamEnd.Failed(broken));
    containers.listener.onEvent(started("late"));

    assertThat(recorder.events).extracting(e -> e.container().id().value())
        .containsExactly("c1", "swarm-slot:svc/1");
    assertThat(recorder.ends).containsExactly(new StreamEnd.Failed(broken));
    assertThat(containers.closed).isTrue();
  }

  @Test
  void closingEndsEveryStreamWithOneClosedEnd() {
    Source containers = new Source();
    Source tasks = new Source();
    RecordedEvents recorder = new RecordedEvents();
    Subscription joined = JoinedEvents.subscribe(recorder,
        List.of(containers.opener(), tasks.opener()));

    joined.close();

    assertThat(containers.closed).isTrue();
    assertThat(tasks.closed).isTrue();
    assertThat(recorder.ends).containsExactly(new StreamEnd.Closed());
  }
}
