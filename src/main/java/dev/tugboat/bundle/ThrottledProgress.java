package dev.tugboat.bundle;

import dev.tugboat.files.ByteSizes;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of long steps as lines ({@code save tugboat-test/busybox:1: 1.2 MiB of 4.4 MiB}): a
 * step's first line, then at most one every {@code every}, and its last (done reached total). A
 * pipe, a log file or journald gets readable lines, not a flood: the log of a load of gigabytes is
 * a few lines. Not thread-safe: one step at a time.
 */
public final class ThrottledProgress implements TransferListener {

  private final Consumer<String> lines;
  private final long everyNanos;
  private final LongSupplier nanoTime;
  private String step = "";
  private long lastWritten;
  private boolean finished;

  public ThrottledProgress(Consumer<String> lines, Duration every, LongSupplier nanoTime) {
    this.lines = lines;
    this.everyNanos = every.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public void progress(String step, long done, long total) {
    long now = nanoTime.getAsLong();
    boolean last = total > 0 && done >= total;
    if (!step.equals(this.step)) {
      this.step = step;
      finished = false;
    } else if (finished || (!last && now - lastWritten < everyNanos)) {
      return;
    }
    lastWritten = now;
    finished = last;
    lines.accept(step + ": " + ByteSizes.of(done) + (total > 0 ? " of " + ByteSizes.of(total)
        + (last ? ", done" : "") : ""));
  }
}
