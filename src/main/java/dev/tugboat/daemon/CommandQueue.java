package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app supervisor's queue and its one thread: commands that answer ({@link #command}), tasks
 * that answer nobody ({@link #post}), and work that must not hold the thread ({@link #beside}),
 * whose result comes back through the queue. Every future it gives completes on the thread, so
 * what is chained on one runs there too.
 */
final class CommandQueue implements AutoCloseable {

  private final ExecutorService thread = DaemonThreads.single("tugboat-supervisor");
  private final Executor workers;
  private final Consumer<String> faults;

  /** {@code workers} run the work {@link #beside} is given; {@code faults} hears what failed. */
  CommandQueue(Executor workers, Consumer<String> faults) {
    this.workers = workers;
    this.faults = faults;
  }

  /** Runs {@code command} on the thread; the future completes when the command is done. */
  <T> CompletableFuture<T> command(Supplier<CompletableFuture<T>> command) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    try {
      thread.execute(() -> {
        try {
          command.get().whenComplete((value, failure) -> {
            if (failure == null) {
              reply.complete(value);
            } else {
              reply.completeExceptionally(unwrap(failure));
            }
          });
        } catch (Throwable e) {
          // an Error too: a reply never completed leaves its caller (and marks it set) waiting
          reply.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      reply.completeExceptionally(new AppRefusal(AppRefusal.Reason.UNAVAILABLE,
          "the daemon is shutting down"));
    }
    return reply;
  }

  /** A task for the thread that answers nobody; a failure is a fault to tell. */
  void post(Runnable task) {
    try {
      thread.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          faults.accept("the app supervisor failed to handle a command: " + e);
        }
      });
    } catch (RejectedExecutionException shuttingDown) {
      // the daemon is exiting: nothing after this is the app's
    }
  }

  /** Runs {@code work} on a worker; the future completes on the thread, with its result. */
  <T> CompletableFuture<T> beside(Supplier<T> work) {
    CompletableFuture<T> done = new CompletableFuture<>();
    workers.execute(() -> {
      try {
        T value = work.get();
        post(() -> done.complete(value));
      } catch (Throwable e) {
        // an Error too: the supervisor waits on this future to clear its marks (an upgrade's)
        post(() -> done.completeExceptionally(e));
      }
    });
    return done;
  }

  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
