package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The daemon keeps its newest log lines within a count and a size, and writes them out too. */
class RecentLinesTest {

  @Test
  void keepsTheNewestLinesWithinTheCountAndTheSize() {
    RecentLines byCount = new RecentLines(2, 1000);
    byCount.add("one");
    byCount.add("two");
    byCount.add("three");
    assertThat(byCount.lines()).containsExactly("two", "three");

    RecentLines bySize = new RecentLines(100, 10);
    bySize.add("aaaa");
    bySize.add("bbbb");
    bySize.add("cccc");
    assertThat(bySize.lines()).containsExactly("bbbb", "cccc");
    // a single line larger than the size is kept: the newest line is never lost
    bySize.add("d".repeat(50));
    assertThat(bySize.lines()).containsExactly("d".repeat(50));
  }

  @Test
  void theDaemonLogKeepsWhatItWritesWithItsTime() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ManualClock clock = new ManualClock();
    DaemonLog log = new DaemonLog(new PrintStream(out, true, StandardCharsets.UTF_8),
        DaemonConfig.LogFormat.TEXT, clock);
    log.info("API listening");
    log.warn("disk nearly full");

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("INFO API listening\nWARN disk nearly full\n");
    assertThat(log.recent()).containsExactly(clock.instant() + " INFO API listening",
        clock.instant() + " WARN disk nearly full");
  }
}
