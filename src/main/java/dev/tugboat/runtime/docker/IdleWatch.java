package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.RuntimeFailure;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deadline of a copy of data to or from the engine: a volume's archive takes as long as its
 * size needs, so the whole copy has none; only a stream that moved no byte for {@code idle} (an
 * engine that stopped answering, SIGSTOP) ends it. The copy runs on its own thread, so the caller
 * is never held by a read that cannot be interrupted: past the deadline it gets {@code
 * ENGINE_UNREACHABLE}, and the copy's thread is left to end when the engine answers or the process
 * ends. One watch per copy.
 */
final class IdleWatch {
  private static final long SLICE_MILLIS = 500;

  private final String engineHost;
  private final Duration idle;
  private volatile long lastMoved = System.nanoTime();

  IdleWatch(String engineHost, Duration idle) {
    this.engineHost = engineHost;
    this.idle = idle;
  }

  InputStream watching(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        moved();
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        moved();
        return n;
      }
    };
  }

  OutputStream watching(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        moved();
      }
    };
  }

  private void moved() {
    lastMoved = System.nanoTime();
  }

  /**
   * {@code copy}'s result, or what it threw (unchecked as it is; an {@link IOException} wrapped),
   * or {@code ENGINE_UNREACHABLE} once nothing moved for the idle deadline; {@code abandon} is
   * then called on a thread of its own (closing a stream may itself wait for the engine).
   */
  <T> T await(String action, Callable<T> copy, Runnable abandon) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        done.complete(copy.call());
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "tugboat-volume-copy");
    worker.setDaemon(true);
    moved();
    worker.start();
    while (true) {
      try {
        return done.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillCopying) {
        if (System.nanoTime() - lastMoved > idle.toNanos()) {
          Thread closer = new Thread(abandon, "tugboat-volume-copy-abandon");
          closer.setDaemon(true);
          closer.start();
          throw RuntimeFailure.engineDidNotAnswer(engineHost, action + " (no data moved)", idle);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RuntimeFailure.timedOut("interrupted while waiting to " + action);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof IOException io) {
          throw new java.io.UncheckedIOException(io);
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(action + " failed: " + cause, cause);
      }
    }
  }
}
