package dev.tugboat.daemon;

import dev.tugboat.runtime.LogTail;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What journald kept of the daemon ({@code journalctl -u tugboat}): lines from before the
 * daemon's last start, which its own memory has not. journalctl is run only where it is on the
 * {@code PATH}, with a deadline (a journal on a slow disk can take long), its output through a
 * file (a pipe that fills would hold it) and read back within the bounds.
 */
final class JournalctlTail {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private JournalctlTail() {}

  static List<String> read(LogTail.Limits limits, Path scratch) throws IOException,
      InterruptedException {
    if (onPath("journalctl").isEmpty()) {
      throw new SupportPart.Missing("journalctl is not on this host (no systemd journal to ask)");
    }
    return run(List.of("journalctl", "-u", "tugboat", "--no-pager", "-o", "short-iso", "-n",
        Integer.toString(limits.lines())), "journalctl -u tugboat -n " + limits.lines(), limits,
        scratch, DEADLINE);
  }

  /** Runs {@code command}; its output, headed by {@code shown} and its exit, within bounds. */
  static List<String> run(List<String> command, String shown, LogTail.Limits limits,
      Path scratch, Duration deadline) throws IOException, InterruptedException {
    Path out = Files.createTempFile(scratch, "journalctl", ".log");
    Process process = null;
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(command.get(0) + " did not answer in " + deadline.toSeconds()
            + " s");
      }
      List<String> read = TextTail.lines(out, limits.bytes());
      LogTail tail = LogTail.of(read, limits);
      List<String> lines = new ArrayList<>();
      lines.add("# " + shown + " (exit " + process.exitValue() + ")");
      lines.addAll(tail.cut() ? TextTail.marked(tail) : tail.lines());
      return lines;
    } finally {
      // late, or the part cancelled (the bundle's deadline passed, the daemon stops): waitFor
      // throws, and a journalctl left running would outlive the bundle
      if (process != null) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(out);
    }
  }

  private static java.util.Optional<Path> onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }
}
