package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress on stderr: a step's first line, one every 2 s while it goes on, and its last. */
class ProgressLinesTest {

  private long now;
  private final StringWriter text = new StringWriter();
  private final ProgressLines lines = new ProgressLines(new PrintWriter(text), () -> now);

  @Test
  void aLongStepPrintsAFewLinesNotOnePerChunk() {
    for (int chunk = 1; chunk <= 1000; chunk++) {
      now += 10_000_000L; // 10 ms a chunk: 10 s in all
      lines.progress("save shop/web:2", chunk * 1024L * 1024, 1000L * 1024 * 1024);
    }
    lines.progress("save postgres:16", 512, 2048);

    assertThat(text.toString().split("\n")).containsExactly(
        "save shop/web:2: 1.0 MiB of 1000.0 MiB",
        "save shop/web:2: 201.0 MiB of 1000.0 MiB",
        "save shop/web:2: 401.0 MiB of 1000.0 MiB",
        "save shop/web:2: 601.0 MiB of 1000.0 MiB",
        "save shop/web:2: 801.0 MiB of 1000.0 MiB",
        "save shop/web:2: 1000.0 MiB of 1000.0 MiB, done",
        "save postgres:16: 512 B of 2.0 KiB");
  }
}
