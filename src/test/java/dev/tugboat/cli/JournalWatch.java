package dev.tugboat.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Follows the journal file of one run as the daemon writes it: the first {@code *.jsonl} in the
 * runs folder that was not there before, read line by line as lines complete. Only the test
 * thread calls it.
 */
final class JournalWatch {

  private final Path runs;
  private final Set<String> before;
  private Path file;
  private long offset;
  private final List<JournalLine> lines = new ArrayList<>();

  private JournalWatch(Path runs, Set<String> before) {
    this.runs = runs;
    this.before = Set.copyOf(before);
  }

  /** Watches for the next run: the journal files present now are not it. */
  static JournalWatch nextRun(Path runs) throws IOException {
    return new JournalWatch(runs, files(runs));
  }

  /** Reads the whole journal of a known run. */
  static List<JournalLine> read(Path runs, String runId) throws IOException {
    Path file = runs.resolve(runId + ".jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
        .map(JournalLine::parse).toList();
  }

  static Set<String> files(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return Set.of();
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
          .collect(Collectors.toSet());
    }
  }

  /** Reads what was added since the last call; returns every line so far. */
  List<JournalLine> poll() throws IOException {
    if (file == null) {
      Optional<String> fresh = files(runs).stream().filter(n -> !before.contains(n)).sorted()
          .findFirst();
      if (fresh.isEmpty()) {
        return List.of();
      }
      file = runs.resolve(fresh.get());
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() > offset) {
        byte[] added = new byte[(int) (in.length() - offset)];
        in.seek(offset);
        in.readFully(added);
        int end = lastNewline(added);
        if (end >= 0) {
          String text = new String(added, 0, end + 1, StandardCharsets.UTF_8);
          text.lines().filter(line -> !line.isBlank()).map(JournalLine::parse).forEach(lines::add);
          offset += end + 1;
        }
      }
    }
    return List.copyOf(lines);
  }

  /** The run's id, once its journal file exists. */
  Optional<String> runId() {
    return Optional.ofNullable(file).map(f -> f.getFileName().toString().replace(".jsonl", ""));
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
