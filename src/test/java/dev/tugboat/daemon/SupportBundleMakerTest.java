package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.SupportBundle;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.files.TarGzFiles;
import dev.tugboat.runtime.LogTail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's bounds and its notes: a part too large for what is left is left out, one not done
 * by the deadline is noted as late (and the bundle does not wait for it), one that fails or finds
 * nothing says why; the index comes first and lists every file with its size.
 */
class SupportBundleMakerTest {

  @TempDir Path dir;

  private static SupportLimits limits(long maxBytes, Duration deadline) {
    return new SupportLimits(new LogTail.Limits(100, 10_000), new LogTail.Limits(100, 10_000),
        new LogTail.Limits(100, 10_000), maxBytes, deadline, 3);
  }

  @Test
  void aPartThatWouldPassTheSizeBoundIsLeftOutAndNoted() throws Exception {
    String small = "x".repeat(1000);
    String large = "y".repeat(70 * 1024);
    List<SupportPart> parts = List.of(
        part("first.txt", small), part("large.txt", large), part("after.txt", small));

    Map<String, String> files = make(limits(64 * 1024, Duration.ofSeconds(10)), parts);

    assertThat(files).containsKeys("b/README.txt", "b/first.txt", "b/after.txt", "b/errors.txt")
        .doesNotContainKey("b/large.txt");
    assertThat(files.get("b/errors.txt")).isEqualTo("large.txt: left out: its 71680 bytes would"
        + " pass the bundle's bound of 65536 bytes\n");
    long contents = files.entrySet().stream().filter(e -> !e.getKey().endsWith("README.txt")
        && !e.getKey().endsWith("errors.txt")).mapToLong(e -> e.getValue().length()).sum();
    assertThat(contents).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void aPartNotDoneByTheDeadlineIsNotedAndTheBundleIsMadeWithoutIt() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    List<SupportPart> parts = List.of(part("quick.txt", "done"),
        new SupportPart("slow.txt", "never answers", () -> {
          never.await();
          return new SupportContent.Text("late");
        }));

    Map<String, String> files = make(limits(1024 * 1024, Duration.ofMillis(300)), parts);

    assertThat(files).containsKey("b/quick.txt").doesNotContainKey("b/slow.txt");
    assertThat(files.get("b/errors.txt")).startsWith("slow.txt: not made within the bundle's ");
  }

  @Test
  void failuresAndMissingPartsSayWhyInTheIndexAndInErrors() throws Exception {
    List<SupportPart> parts = List.of(part("kept.txt", "hello secret-value"),
        new SupportPart("broken.txt", "fails", () -> {
          throw new IllegalStateException("it broke near secret-value");
        }),
        new SupportPart("absent.txt", "finds nothing", () -> {
          throw new SupportPart.Missing("nothing to show yet");
        }));

    Map<String, String> files = make(limits(1024 * 1024, Duration.ofSeconds(10)), parts);

    assertThat(files.keySet()).containsExactly("b/README.txt", "b/kept.txt", "b/errors.txt");
    assertThat(files.get("b/kept.txt")).isEqualTo("hello ********");
    assertThat(files.get("b/errors.txt")).isEqualTo(
        "broken.txt: could not be made: it broke near ********\n"
            + "absent.txt: nothing to show yet\n");
    assertThat(files.get("b/README.txt")).startsWith("bundle of test\n\nFiles (bytes, what it is):\n")
        .contains("  kept.txt           14  the kept one\n")
        .contains("  broken.txt: could not be made: it broke near ********\n");
  }

  private static SupportPart part(String name, String text) {
    return new SupportPart(name, "the " + name.replace(".txt", "") + " one",
        () -> new SupportContent.Text(text));
  }

  private Map<String, String> make(SupportLimits limits, List<SupportPart> parts)
      throws Exception {
    SupportBundle bundle = new SupportBundleMaker(limits).make(parts,
        SecretMasker.of(List.of("secret-value")), List.of("bundle of test"),
        Instant.parse("2026-12-05T10:00:00Z"), dir.resolve("b.tar.gz"), "b");
    assertThat(bundle.fileName()).isEqualTo("b.tar.gz");
    return TarGzFiles.read(bundle.file());
  }
}
