package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Repeating tasks of one period fall on the same ticks, so the timer wakes once for them all. */
class SystemSchedulerTest {

  private static final long STEP = 50_000_000L;

  @Test
  void tasksAskedForWithinHalfAStepOfATickFallOnTheNextTickTogether() {
    long tick = 1_000 * STEP;

    assertThat(SystemScheduler.nextTick(tick, STEP)).isEqualTo(tick + STEP);
    assertThat(SystemScheduler.nextTick(tick + 3_000_000L, STEP)).isEqualTo(tick + STEP);
    assertThat(SystemScheduler.nextTick(tick + STEP / 2 - 1, STEP)).isEqualTo(tick + STEP);
  }

  @Test
  void aTickIsNeverLessThanHalfAStepAway() {
    long tick = 1_000 * STEP;

    assertThat(SystemScheduler.nextTick(tick + STEP / 2, STEP)).isEqualTo(tick + 2 * STEP);
    assertThat(SystemScheduler.nextTick(tick - 1, STEP)).isEqualTo(tick + STEP);
    assertThat(SystemScheduler.nextTick(-STEP / 3, STEP)).isEqualTo(STEP);
  }

  @Test
  void aTaskOnATickRuns() throws Exception {
    try (SystemScheduler scheduler = new SystemScheduler()) {
      CountDownLatch ran = new CountDownLatch(1);
      scheduler.scheduleOnTick(Duration.ofMillis(5), ran::countDown);
      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
