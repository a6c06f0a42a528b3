package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every future the supervisor's queue gives completes, even when its work throws an Error: the
 * supervisor clears its marks (an upgrade under way) when the future completes, and one left
 * pending refuses every later upgrade.
 */
class CommandQueueTest {

  private final List<String> faults = new ArrayList<>();
  private final CommandQueue queue = new CommandQueue(Runnable::run, faults::add);

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void workBesideTheThreadThatThrowsAnErrorCompletesItsFutureFailed() {
    CompletableFuture<String> done = queue.beside(() -> {
      throw new NoClassDefFoundError("dev/tugboat/bundle/Missing");
    });

    // the bound only stops a broken queue from hanging the build; a working one completes at once
    assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NoClassDefFoundError.class);
  }

  @Test
  void aCommandThatThrowsAnErrorCompletesItsReplyFailed() {
    CompletableFuture<String> reply = queue.command(() -> {
      throw new StackOverflowError();
    });

    assertThatThrownBy(() -> reply.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StackOverflowError.class);
    assertThat(faults).isEmpty();
  }
}
