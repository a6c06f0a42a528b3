package dev.tugboat.daemon;

import dev.tugboat.bundle.TransferListener;
import java.util.function.LongSupplier;

/**
 * Progress of a bundle's long steps in the daemon's log: a step's first line, one every {@code
 * every} nanoseconds, and its last; the log of a load of gigabytes is a few lines, not thousands.
 * Used by one thread at a time.
 */
final class LoggedProgress implements TransferListener {

  private static final long EVERY = 10_000_000_000L;
  private final DaemonLog log;
  private final LongSupplier nanoTime;
  private String step = "";
  private long lastLogged;
  private boolean finished;

  LoggedProgress(DaemonLog log, LongSupplier nanoTime) {
    this.log = log;
    this.nanoTime = nanoTime;
  }

  @Override
  public void progress(String step, long done, long total) {
    long now = nanoTime.getAsLong();
    boolean last = total > 0 && done >= total;
    if (!step.equals(this.step)) {
      this.step = step;
      finished = false;
    } else if (finished || (!last && now - lastLogged < EVERY)) {
      return;
    }
    lastLogged = now;
    finished = last;
    log.info("bundle: " + step + ": " + done + (total > 0 ? " of " + total : "") + " bytes");
  }
}
