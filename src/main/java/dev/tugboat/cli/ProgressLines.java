package dev.tugboat.cli;

import dev.tugboat.bundle.TransferListener;
import dev.tugboat.files.ByteSizes;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress of long steps as lines on stderr ({@code save tugboat-test/busybox:1: 1.2 MiB of 4.4
 * MiB}): a step's first line, then at most one a {@code every} nanoseconds, and its last (done
 * reached total). A pipe or log file gets readable lines, not a flood or carriage returns.
 * Not thread-safe: one step at a time.
 */
final class ProgressLines implements TransferListener {

  private static final long EVERY = 2_000_000_000L;
  private final PrintWriter err;
  private final LongSupplier nanoTime;
  private String step = "";
  private long lastPrinted;
  private boolean finished;

  ProgressLines(PrintWriter err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
  }

  ProgressLines(PrintWriter err) {
    this(err, System::nanoTime);
  }

  @Override
  public void progress(String step, long done, long total) {
    long now = nanoTime.getAsLong();
    boolean last = total > 0 && done >= total;
    if (!step.equals(this.step)) {
      this.step = step;
      finished = false;
    } else if (finished || (!last && now - lastPrinted < EVERY)) {
      return;
    }
    lastPrinted = now;
    finished = last;
    err.println(step + ": " + ByteSizes.of(done) + (total > 0 ? " of " + ByteSizes.of(total)
        + (last ? ", done" : "") : ""));
    err.flush();
  }
}
