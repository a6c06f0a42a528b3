package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.StreamEnd;
import dev.tugboat.runtime.Subscription;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A docker-java stream callback that tells its subscriber how the stream ended, exactly once:
 * closed by us, ended by the engine, or broken. Items arrive on docker-java's thread, one at a time.
 */
abstract class DockerStream<T> extends ResultCallback.Adapter<T> implements Subscription {
  private final AtomicBoolean ended = new AtomicBoolean();
  private final Function<RuntimeException, RuntimeFailure> failures;

  DockerStream(Function<RuntimeException, RuntimeFailure> failures) {
    this.failures = failures;
  }

  /** One item of the stream. */
  abstract void deliver(T item);

  /** Called once, last, after {@link #beforeEnd()}. */
  abstract void ended(StreamEnd end);

  /** Last chance to deliver what is buffered. */
  void beforeEnd() {}

  @Override
  public final void onNext(T item) {
    if (!ended.get()) {
      deliver(item);
    }
  }

  @Override
  public final void onComplete() {
    finish(new StreamEnd.EndedByEngine());
    closeQuietly();
  }

  /**
   * Not passed to docker-java's handler, which logs every broken stream as an error with a stack
   * trace: a stopped engine is an expected end here, and the subscriber decides what to do.
   */
  @Override
  public final void onError(Throwable error) {
    RuntimeException asRuntime =
        error instanceof RuntimeException e ? e : new RuntimeException(error.getMessage(), error);
    finish(new StreamEnd.Failed(failures.apply(asRuntime)));
    closeQuietly();
  }

  @Override
  public final void close() {
    finish(new StreamEnd.Closed());
    closeQuietly();
  }

  private void finish(StreamEnd end) {
    if (ended.compareAndSet(false, true)) {
      beforeEnd();
      ended(end);
    }
  }

  private void closeQuietly() {
    try {
      super.close();
    } catch (IOException alreadyBroken) {
      // The stream is over either way and its end was reported above.
    }
  }
}
