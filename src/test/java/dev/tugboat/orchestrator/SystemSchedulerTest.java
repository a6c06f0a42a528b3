package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void everyTaskOnATickRunsEvenWhenOneOfThemFails() throws Exception {
    try (SystemScheduler scheduler = new SystemScheduler()) {
      CountDownLatch ran = new CountDownLatch(10);
      CopyOnWriteArrayList<String> threads = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 10; i++) {
        int index = i;
        scheduler.scheduleOnTick(Duration.ofMillis(200), () -> {
          threads.add(Thread.currentThread().getName());
          ran.countDown();
          if (index == 3) {
            throw new IllegalStateException("a faulty task");
          }
        });
      }
      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(threads).containsOnly("tugboat-timer");
    }
  }

  @Test
  void aTaskThatRepeatsOnTheTickKeepsRunning() throws Exception {
    try (SystemScheduler scheduler = new SystemScheduler()) {
      CountDownLatch ran = new CountDownLatch(5);
      Runnable[] again = new Runnable[1];
      again[0] = () -> {
        ran.countDown();
        scheduler.scheduleOnTick(Duration.ofMillis(5), again[0]);
      };
      scheduler.scheduleOnTick(Duration.ofMillis(5), again[0]);
      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
