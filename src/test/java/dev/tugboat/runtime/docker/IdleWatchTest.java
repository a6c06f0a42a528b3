package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A copy of a volume's data has no deadline as a whole; only one that moves nothing fails. */
class IdleWatchTest {

  @Test
  void aCopyThatMovesNothingFailsAsAnEngineThatDoesNotAnswerAndIsAbandoned() throws Exception {
    IdleWatch watch = new IdleWatch("unix:///var/run/docker.sock", Duration.ofMillis(200));
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch abandoned = new CountDownLatch(1);

    assertThatThrownBy(() -> watch.await("read named-volume pgdata", () -> {
      never.await();
      return 0L;
    }, abandoned::countDown)).isInstanceOfSatisfying(RuntimeFailure.class,
        e -> assertThat(e.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE))
        .hasMessageContaining("did not answer a call to read named-volume pgdata (no data"
            + " moved) within 200 ms");
    abandoned.await();
  }

  @Test
  void whatTheCopyThrowsComesOutAsItIs() {
    IdleWatch watch = new IdleWatch("unix:///var/run/docker.sock", Duration.ofMinutes(2));

    assertThat(watch.await("read", () -> 42L, () -> { })).isEqualTo(42L);
    assertThatThrownBy(() -> watch.await("read", () -> {
      throw new IOException("No space left on device");
    }, () -> { })).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("No space left on device");
    assertThatThrownBy(() -> watch.await("read", () -> {
      throw RuntimeFailure.imageNotFound("web:1");
    }, () -> { })).isInstanceOf(RuntimeFailure.class).hasMessageContaining("web:1");
  }
}
