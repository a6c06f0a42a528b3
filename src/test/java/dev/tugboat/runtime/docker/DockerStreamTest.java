package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerStreamTest {
  private final DockerFailures failures = new DockerFailures(new DockerHost(DockerHost.DEFAULT_URI));

  /** Records what a stream delivers and how it ended. */
  private final class Recording extends DockerStream<String> {
    final List<String> items = new ArrayList<>();
    final List<StreamEnd> ends = new ArrayList<>();

    Recording() {
      super(e -> failures.of("stream events", e));
    }

    @Override
    void deliver(String item) {
      items.add(item);
    }

    @Override
    void ended(StreamEnd end) {
      ends.add(end);
    }
  }

  @Test
  void anEngineThatGoesAwayEndsTheStreamAsUnreachableOnceAndNothingIsDeliveredAfter() {
    Recording stream = new Recording();
    stream.onNext("die");
    stream.onError(new RuntimeException(new SocketException("Connection reset")));
    stream.onNext("late");
    stream.close();

    assertThat(stream.items).containsExactly("die");
    assertThat(stream.ends).singleElement().isInstanceOfSatisfying(StreamEnd.Failed.class,
        failed -> assertThat(failed.failure().kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE));
  }

  @Test
  void theEngineEndingTheStreamAndUsClosingItAreToldApart() throws IOException {
    Recording ended = new Recording();
    ended.onComplete();
    ended.close();
    assertThat(ended.ends).containsExactly(new StreamEnd.EndedByEngine());

    Recording closed = new Recording();
    closed.close();
    closed.onError(new RuntimeException(new IOException("stream closed")));
    assertThat(closed.ends).containsExactly(new StreamEnd.Closed());
  }
}
