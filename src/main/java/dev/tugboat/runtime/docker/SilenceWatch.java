package dev.tugboat.runtime.docker;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Ends a long transfer (a save or load of an image) whose stream has said nothing for too long:
 * a read on the engine's socket cannot be interrupted and a paused engine never answers, so only
 * closing the stream from beside frees the thread. A transfer of gigabytes takes as long as it
 * needs while bytes flow; only silence counts. One per transfer; {@link #heard} from any thread.
 */
final class SilenceWatch implements AutoCloseable {

  private final Duration idle;
  private final Closeable onSilence;
  private final Thread thread;
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean silent;
  private volatile boolean ended;

  SilenceWatch(String what, Duration idle, Closeable onSilence) {
    this.idle = idle;
    this.onSilence = onSilence;
    this.thread = new Thread(this::watch, "tugboat-silence-watch " + what);
    thread.setDaemon(true);
    thread.start();
  }

  void heard() {
    lastHeard = System.nanoTime();
  }

  /** Whether the transfer was ended for its silence (its failure is then the engine's). */
  boolean wasSilent() {
    return silent;
  }

  private void watch() {
    long slice = Math.min(idle.toMillis(), 1000);
    while (!ended) {
      try {
        Thread.sleep(slice);
      } catch (InterruptedException e) {
        return;
      }
      if (!ended && System.nanoTime() - lastHeard > idle.toNanos()) {
        silent = true;
        try {
          onSilence.close();
        } catch (IOException | RuntimeException alreadyBroken) {
          // the transfer is abandoned either way
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    ended = true;
    thread.interrupt();
  }
}
