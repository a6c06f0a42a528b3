package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.tugboat.runtime.RuntimeFailure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerCallsTest {

  private static final Duration SHORT = Duration.ofMillis(50);
  private static final DockerDeadlines ONE_WAITING =
      new DockerDeadlines(SHORT, SHORT, Duration.ofSeconds(1), 1);

  /** An engine that never answers: released at the end so no thread is left waiting. */
  private final CountDownLatch engineAnswers = new CountDownLatch(1);
  private final DockerCalls calls = new DockerCalls("unix:///silent.sock", ONE_WAITING);

  @AfterEach
  void release() {
    engineAnswers.countDown();
    calls.close();
  }

  @Test
  void aCallThatGetsNoAnswerFailsAsUnreachableOnceItsDeadlinePassed() {
    assertThatThrownBy(() -> calls.ask("inspect abc", this::hang))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE))
        .hasMessageStartingWith("the Docker Engine at unix:///silent.sock did not answer a call"
            + " to inspect abc within 50 ms");
  }

  @Test
  void answersAndTheCallsOwnFailuresPassThroughUnchanged() {
    assertThat(calls.ask("inspect abc", () -> "answer")).isEqualTo("answer");
    NotFoundException gone = new NotFoundException("no such container");
    assertThatThrownBy(() -> calls.tell("inspect abc", () -> {
      throw gone;
    })).isSameAs(gone);
  }

  @Test
  void aCallThatEndedNoLongerCountsAgainstTheBoundWhenItsCallerGoesOn() {
    // a deadline no busy machine reaches: what is tested is the bound of one, not the deadline
    try (DockerCalls patient = new DockerCalls("unix:///silent.sock",
        new DockerDeadlines(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(1), 1))) {
      for (int i = 0; i < 1000; i++) {
        assertThat(patient.ask("ping", () -> "OK")).isEqualTo("OK");
      }
    }
  }

  @Test
  void onceTheBoundOfWaitingCallsIsReachedTheNextFailsAtOnceUntilTheEngineAnswers()
      throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(1);
    assertThatThrownBy(() -> calls.ask("inspect a", () -> {
      String answer = hang();
      answered.countDown();
      return answer;
    })).hasMessageContaining("did not answer");

    assertThatThrownBy(() -> calls.ask("inspect b", () -> "never asked"))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            f -> assertThat(f.kind()).isEqualTo(RuntimeFailure.Kind.ENGINE_UNREACHABLE))
        .hasMessageContaining("has not answered the 1 calls under way; not asked to inspect b");

    engineAnswers.countDown();
    assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
    awaitFreeThread();
  }

  @Test
  void aStopMayTakeItsGracePeriodOnTopOfAQuestionsDeadline() {
    assertThat(DockerDeadlines.DEFAULT.stop(Duration.ofSeconds(10)))
        .isEqualTo(DockerDeadlines.DEFAULT.call().plusSeconds(10));
  }

  /** The thread that waited is given back once its call ended; polls the pool, not a clock. */
  private void awaitFreeThread() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      try {
        assertThat(calls.ask("ping", () -> "OK")).isEqualTo("OK");
        return;
      } catch (RuntimeFailure stillBusy) {
        Thread.sleep(10);
      }
    }
    throw new AssertionError("the pool's thread was not given back");
  }

  private String hang() {
    try {
      engineAnswers.await();
    } catch (InterruptedException e) {
      // cancelled by the deadline: still answer as an engine would once it resumes
      try {
        engineAnswers.await();
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
      }
    }
    return "late";
  }
}
