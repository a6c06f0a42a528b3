package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.LogTail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host journal's reader leaves no process behind: a part cancelled while journalctl still
 * runs (the bundle's deadline passed, the daemon stops) ends it, and its scratch file is removed.
 */
class JournalctlTailTest {

  private static final LogTail.Limits LIMITS = new LogTail.Limits(100, 10_000);

  @TempDir Path dir;

  @Test
  void aCancelledReadEndsTheProcess() throws Exception {
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    Path pidFile = dir.resolve("pid");
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<List<String>> read = thread.submit(() -> JournalctlTail.run(
          List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 300"), "sleep", LIMITS,
          scratch, Duration.ofMinutes(10)));
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile)
          && !Files.readString(pidFile).isBlank());
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(
          process -> assertThat(process.isAlive()).isTrue());

      read.cancel(true);

      await().atMost(Duration.ofSeconds(30)).until(() ->
          ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        try (var left = Files.list(scratch)) {
          return left.findAny().isEmpty();
        }
      });
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aCommandThatAnswersIsReadWithItsExit() throws Exception {
    List<String> lines = JournalctlTail.run(List.of("sh", "-c", "echo one; echo two; exit 3"),
        "sh", LIMITS, dir, Duration.ofSeconds(30));

    assertThat(lines).containsExactly("# sh (exit 3)", "one", "two");
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).isEmpty();
    }
  }
}
