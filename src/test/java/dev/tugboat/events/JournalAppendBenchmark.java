package dev.tugboat.events;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends per second to a {@link FileJournal}: without sync, with a sync after each append, and
 * after each batch of 5; each against the same bytes written with a plain FileOutputStream (one
 * write per line, FileDescriptor.sync() at the same points) in the same run. Run by
 * scripts/bench/journal-append.sh; argument: seconds per measurement (default 2), after a warm-up of one of each kind.
 */
public final class JournalAppendBenchmark {

  private static final int PREENCODED = 4096;

  private final List<JournalEntry> samples = JournalSamples.entries("bench");
  private final byte[][] lines = new byte[PREENCODED][];
  private final Path directory;
  private final long nanosPerMeasure;
  private int files;

  private JournalAppendBenchmark(Path directory, double seconds) {
    this.directory = directory;
    this.nanosPerMeasure = (long) (seconds * 1e9);
    JournalCodec codec = new JournalCodec();
    for (int i = 0; i < PREENCODED; i++) {
      lines[i] = (codec.encode(entry(i)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "journal-bench");
    try {
      JournalAppendBenchmark bench = new JournalAppendBenchmark(directory, seconds);
      bench.journal(0);
      bench.plain(0);
      System.out.printf("journal file system: %s (%s)%n", Files.getFileStore(directory).type(), directory);
      System.out.printf("%-22s %14s %14s %8s%n", "sync", "FileJournal/s", "plain FOS/s", "ratio");
      for (int every : new int[] {0, 1, 5}) {
        double journal = bench.journal(every);
        double plain = bench.plain(every);
        System.out.printf("%-22s %14.0f %14.0f %8.2f%n",
            every == 0 ? "none" : every == 1 ? "after each append" : "after each 5",
            journal, plain, journal / plain);
      }
    } finally {
      try (var stream = Files.list(directory)) {
        for (Path file : stream.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(directory);
    }
  }

  private JournalEntry entry(int i) {
    JournalEntry sample = samples.get(i % samples.size());
    return new JournalEntry(i + 1, sample.time(), sample.runId(), sample.causedBy(), sample.cause(),
        sample.record());
  }

  /** Appends per second; {@code every}: sync after that many appends (0: never). */
  private double journal(int every) throws IOException {
    try (FileJournal journal = FileJournal.create(nextFile(), entry -> {})) {
      long start = System.nanoTime();
      int count = 0;
      while (System.nanoTime() - start < nanosPerMeasure) {
        journal.append(entry(count));
        count++;
        if (every > 0 && count % every == 0) {
          journal.sync();
        }
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  private double plain(int every) throws IOException {
    try (FileOutputStream out = new FileOutputStream(nextFile().toFile())) {
      long start = System.nanoTime();
      int count = 0;
      while (System.nanoTime() - start < nanosPerMeasure) {
        out.write(lines[count % PREENCODED]);
        count++;
        if (every > 0 && count % every == 0) {
          out.getFD().sync();
        }
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  private Path nextFile() {
    return directory.resolve("run-" + (files++) + ".jsonl");
  }
}
