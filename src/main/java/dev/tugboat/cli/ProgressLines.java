package dev.tugboat.cli;

import dev.tugboat.bundle.ThrottledProgress;
import dev.tugboat.bundle.TransferListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Progress of long steps on stderr: a line every 2 s at most per step, and its last. */
final class ProgressLines implements TransferListener {

  private static final Duration EVERY = Duration.ofSeconds(2);
  private final ThrottledProgress lines;

  ProgressLines(PrintWriter err, LongSupplier nanoTime) {
    this.lines = new ThrottledProgress(line -> {
      err.println(line);
      err.flush();
    }, EVERY, nanoTime);
  }

  ProgressLines(PrintWriter err) {
    this(err, System::nanoTime);
  }

  @Override
  public void progress(String step, long done, long total) {
    lines.progress(step, done, total);
  }
}
