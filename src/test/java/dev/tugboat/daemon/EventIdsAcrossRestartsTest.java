package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client of the events API polls {@code after=N} across a daemon restart: the events it saw keep
 * their ids and texts, it gets exactly the ones it had not seen, and new ones number after them,
 * across runs too.
 */
class EventIdsAcrossRestartsTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);

  @Test
  void aClientThatSawPartOfAnEarlierRunGetsExactlyTheRestAfterARestart() throws Exception {
    List<ApiEvent> before;
    long seen;
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), textStarting("app started"));
      seen = first.events().get(3).id();
      first.app.stop().join();
      clock.advance(Duration.ofSeconds(1));
      first.doAndAwait(() -> first.app.start(), textStarting("app started"));
      before = first.events();
    }
    assertThat(before).extracting(ApiEvent::id).startsWith(1L, 2L, 3L, 4L);

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      ApiEvent observed = second.doAndAwait(() -> second.app.resumeOrStart(),
          event -> event.type().equals("InstancesObserved"));

      List<ApiEvent> after = second.events();
      assertThat(after.subList(0, before.size())).isEqualTo(before);
      assertThat(observed.id()).isEqualTo(before.get(before.size() - 1).id() + 1);
      assertThat(observed.text())
          .isEqualTo("Tugboat restarted: found db/postgres running, app/web running");
      List<ApiEvent> unseen = second.app.events().after(seen, 1000);
      assertThat(unseen).isEqualTo(after.subList(before.indexOf(at(before, seen)) + 1,
          after.size()));
    }
  }

  @Test
  void aNewRunNumbersAfterTheRunsBeforeItAndEveryRunKeepsItsIdsOverARestart() throws Exception {
    List<ApiEvent> before;
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), textStarting("app started"));
      first.app.stop().join();
      clock.advance(Duration.ofSeconds(1));
      first.doAndAwait(() -> first.app.start(), textStarting("app started"));
      before = first.events();
    }
    assertThat(before.stream().map(ApiEvent::runId).distinct()).hasSize(2);
    assertThat(before).extracting(ApiEvent::id).isSorted().doesNotHaveDuplicates();

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      second.doAndAwait(() -> second.app.resumeOrStart(),
          event -> event.type().equals("InstancesObserved"));
      assertThat(second.events().subList(0, before.size())).isEqualTo(before);

      second.app.stop().join();
      clock.advance(Duration.ofSeconds(1));
      ApiEvent started = second.doAndAwait(() -> second.app.start(), textStarting("app started"));
      List<ApiEvent> all = second.events();
      assertThat(all).extracting(ApiEvent::id).isSorted().doesNotHaveDuplicates();
      assertThat(all.stream().map(ApiEvent::runId).distinct()).hasSize(3);
      assertThat(started.runId()).isNotIn(before.stream().map(ApiEvent::runId).toList());
    }
  }

  @Test
  void aDaemonThatServesWithoutStartingTheAppListsTheEventsItHad() throws Exception {
    List<ApiEvent> before;
    try (ControllerUnderTest first = new ControllerUnderTest(dir, runtime, clock)) {
      first.doAndAwait(() -> first.app.start(), textStarting("app started"));
      before = first.events();
    }

    try (ControllerUnderTest second = new ControllerUnderTest(dir, runtime, clock)) {
      second.app.readEventsBack().join();

      assertThat(second.events()).isEqualTo(before);
    }
  }

  @Test
  void anEventIsListedOnceTheStatusItLedToIsPublished() throws Exception {
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      List<String> statesSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
      daemon.app.events().listen(event -> {
        if (event.text().startsWith("app started")) {
          statesSeen.add(daemon.app.snapshot().state().label());
        }
      });

      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));

      assertThat(statesSeen).containsExactly("started");
    }
  }

  private static ApiEvent at(List<ApiEvent> events, long id) {
    return events.stream().filter(event -> event.id() == id).findFirst().orElseThrow();
  }
}
