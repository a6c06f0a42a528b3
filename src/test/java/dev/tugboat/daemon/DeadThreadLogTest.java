package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadThreadLogTest {

  @Test
  void aThreadThatDiesOnAnUncaughtExceptionIsSaidInTheLogWithWhereItWasThrown() throws Exception {
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    DaemonLog log = new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
        DaemonConfig.LogFormat.TEXT, new ManualClock());
    Thread loop = new Thread(DeadThreadLogTest::fail, "tugboat-loop");
    loop.setUncaughtExceptionHandler(new DeadThreadLog(log));

    loop.start();
    loop.join();

    assertThat(logged.toString(StandardCharsets.UTF_8))
        .startsWith("ERROR thread tugboat-loop died: java.io.UncheckedIOException: cannot write"
            + " the journal at /state/runs/run-1.jsonl at dev.tugboat.daemon.DeadThreadLogTest.fail(")
        .contains("; this is a fault in Tugboat: please report it with this line");
  }

  private static void fail() {
    throw new UncheckedIOException("cannot write the journal at /state/runs/run-1.jsonl",
        new java.io.IOException("No space left on device"));
  }
}
