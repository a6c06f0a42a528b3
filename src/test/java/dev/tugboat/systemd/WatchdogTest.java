package dev.tugboat.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  private static final Duration TICK = Duration.ofSeconds(30);

  /** Monotonic time in nanoseconds, moved by hand. */
  private long now;
  private final List<String> log = new ArrayList<>();
  private int pings;

  /** A part whose probes the test answers by hand, the way a thread runs a posted no-op. */
  private static final class Part implements Supplier<CompletableFuture<?>> {
    private final List<CompletableFuture<Void>> probes = new ArrayList<>();

    @Override
    public CompletableFuture<?> get() {
      CompletableFuture<Void> probe = new CompletableFuture<>();
      probes.add(probe);
      return probe;
    }

    void answer() {
      probes.forEach(probe -> probe.complete(null));
    }

    int asked() {
      return probes.size();
    }
  }

  private final Part control = new Part();
  private final Part api = new Part();

  private Watchdog watchdog() {
    return new Watchdog(List.of(
        new Liveness("the app's control thread", control, Duration.ofMinutes(2)),
        new Liveness("the API's event loop", api, TICK.dividedBy(2))),
        () -> pings++, () -> now, warning -> log.add("WARN " + warning), info -> log.add("INFO " + info));
  }

  /** The next tick, the parts having answered in between if {@code answer} says so. */
  private void tick(Watchdog watchdog, boolean controlAnswers, boolean apiAnswers) {
    if (controlAnswers) {
      control.answer();
    }
    if (apiAnswers) {
      api.answer();
    }
    now += TICK.toNanos();
    watchdog.tick();
  }

  @Test
  void pingsWhileEveryPartAnswersAndAsksEachOncePerTick() {
    Watchdog watchdog = watchdog();
    watchdog.tick();
    for (int i = 0; i < 5; i++) {
      tick(watchdog, true, true);
    }

    assertThat(pings).isEqualTo(6);
    assertThat(control.asked()).isEqualTo(6);
    assertThat(api.asked()).isEqualTo(6);
    assertThat(log).isEmpty();
  }

  @Test
  void aControlThreadStuckPastItsPatienceGetsNoPingAndItIsLoggedOnce() {
    Watchdog watchdog = watchdog();
    watchdog.tick();
    tick(watchdog, false, true); // 30 s: within the patience of 2 min, as a slow stop is
    tick(watchdog, false, true);
    tick(watchdog, false, true);
    assertThat(pings).isEqualTo(4);
    assertThat(log).isEmpty();

    tick(watchdog, false, true); // 2 min
    tick(watchdog, false, true);
    tick(watchdog, false, true);

    assertThat(pings).isEqualTo(4);
    assertThat(control.asked()).as("a stuck thread is not sent more no-ops").isEqualTo(1);
    assertThat(log).containsExactly("WARN systemd's watchdog is not pinged: the app's control"
        + " thread has not answered for 120 s (patience 120 s); systemd restarts the daemon if"
        + " this lasts its WatchdogSec");
  }

  @Test
  void pingsAgainOnceTheStuckPartAnswersAndSaysSo() {
    Watchdog watchdog = watchdog();
    watchdog.tick();
    for (int i = 0; i < 5; i++) {
      tick(watchdog, false, true);
    }
    int before = pings;

    tick(watchdog, true, true);

    assertThat(pings).isEqualTo(before + 1);
    assertThat(log).last().isEqualTo("INFO systemd's watchdog is pinged again: every part of the"
        + " daemon answers");
  }

  @Test
  void anEventLoopThatDoesNotAnswerByTheNextTickGetsNoPing() {
    Watchdog watchdog = watchdog();
    watchdog.tick();

    tick(watchdog, true, false);

    assertThat(pings).isEqualTo(1);
    assertThat(log).containsExactly("WARN systemd's watchdog is not pinged: the API's event loop"
        + " has not answered for 30 s (patience 15 s); systemd restarts the daemon if this lasts"
        + " its WatchdogSec");
  }

  @Test
  void aPartThatRefusesTheProbeGetsNoPingAndIsAskedAgain() {
    List<CompletableFuture<?>> answers = new ArrayList<>(List.of(
        CompletableFuture.completedFuture(null),
        CompletableFuture.failedFuture(new RejectedExecutionException("executor shut down"))));
    Watchdog watchdog = new Watchdog(List.of(new Liveness("the app's control thread", () -> {
      if (answers.isEmpty()) {
        throw new RejectedExecutionException("executor shut down");
      }
      return answers.remove(0);
    }, Duration.ofMinutes(2))), () -> pings++, () -> now, warning -> log.add("WARN " + warning),
        info -> log.add("INFO " + info));

    watchdog.tick(); // asks: answered at once
    now += TICK.toNanos();
    watchdog.tick(); // answered: pings, asks again: refused
    now += TICK.toNanos();
    watchdog.tick(); // refused: no ping; asks again: throws
    now += TICK.toNanos();
    watchdog.tick();

    assertThat(pings).isEqualTo(2);
    assertThat(log).containsExactly("WARN systemd's watchdog is not pinged: the app's control"
        + " thread failed to answer: java.util.concurrent.RejectedExecutionException: executor"
        + " shut down; systemd restarts the daemon if this lasts its WatchdogSec");
  }

  @Test
  void pingsEveryHalfOfTheWatchdogTimeSystemdAskedForThisProcess() {
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "60000000"), 42))
        .contains(Duration.ofSeconds(30));
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "5000000", "WATCHDOG_PID", "42"), 42))
        .contains(Duration.ofMillis(2500));
  }

  @Test
  void noWatchdogWhenSystemdAskedForNoneOrForAnotherProcess() {
    assertThat(Watchdog.interval(Map.of(), 42)).isEqualTo(Optional.empty());
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "7"), 42))
        .isEmpty();
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "0"), 42)).isEmpty();
    assertThat(Watchdog.interval(Map.of("WATCHDOG_USEC", "a minute"), 42)).isEmpty();
  }
}
