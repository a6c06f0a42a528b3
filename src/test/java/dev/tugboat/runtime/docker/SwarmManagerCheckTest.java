package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine's swarm membership is asked again only once the last answer is a few seconds old. */
class SwarmManagerCheckTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicBoolean manager = new AtomicBoolean();
  private final AtomicInteger asked = new AtomicInteger();
  private final SwarmManagerCheck check = new SwarmManagerCheck(() -> {
    asked.incrementAndGet();
    return manager.get();
  }, now::get);

  @Test
  void aFreshAnswerIsTakenWithoutAskingAgain() {
    assertThat(check.manages()).isFalse();
    manager.set(true);
    now.addAndGet(SwarmManagerCheck.FRESH.toNanos() - 1);

    assertThat(check.manages()).isFalse();
    assertThat(asked).hasValue(1);
  }

  @Test
  void anEngineThatJoinedASwarmIsSeenOnceTheAnswerIsStale() {
    assertThat(check.manages()).isFalse();
    manager.set(true);
    now.addAndGet(SwarmManagerCheck.FRESH.toNanos());

    assertThat(check.manages()).isTrue();
    assertThat(asked).hasValue(2);
  }

  @Test
  void aServiceMadeHereSaysTheEngineManagesASwarmAtOnce() {
    assertThat(check.manages()).isFalse();

    check.sawManager();

    assertThat(check.manages()).isTrue();
    assertThat(asked).hasValue(1);
  }
}
