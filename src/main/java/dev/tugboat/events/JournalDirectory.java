package dev.tugboat.events;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journals of past and present runs, one {@code <runId>.jsonl} per run in {@code
 * <stateDir>/runs} (0700). Run ids sort by start time, so the last is the latest. Keeps the last
 * {@code keep} runs: {@link #rotate} deletes older ones and what was kept aside of them.
 */
public final class JournalDirectory {

  public static final int DEFAULT_KEEP = 20;
  private static final String SUFFIX = ".jsonl";
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final Path directory;
  private final int keep;
  private final Clock clock;

  private JournalDirectory(Path directory, int keep, Clock clock) {
    this.directory = directory;
    this.keep = keep;
    this.clock = clock;
  }

  /** {@code <stateDir>/runs}, created 0700 if missing; {@code keep} runs survive rotation. */
  public static JournalDirectory open(Path stateDir, int keep, Clock clock) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1 run, got " + keep);
    }
    Path directory = stateDir.resolve("runs");
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(stateDir);
      AtomicFiles.createPrivateDirectory(directory);
    }
    return new JournalDirectory(directory, keep, clock);
  }

  public Path directory() {
    return directory;
  }

  public Path fileOf(String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("not a run id: \"" + runId + "\" (expected letters,"
          + " digits, '-', '_' or '.', like 20261122-023512-9f3a)");
    }
    return directory.resolve(runId + SUFFIX);
  }

  /** Every run with a journal, oldest first. */
  public List<String> runIds() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX) && !name.startsWith("."))
          .map(name -> name.substring(0, name.length() - SUFFIX.length()))
          .filter(id -> RUN_ID.matcher(id).matches())
          .sorted()
          .toList();
    }
  }

  public Optional<String> latestRunId() throws IOException {
    List<String> ids = runIds();
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
  }

  /** A run's entries without changing its file; damage is left out and reported. */
  public JournalRead read(String runId) throws IOException {
    JournalScan scan = JournalScan.of(fileOf(runId), new JournalCodec());
    return new JournalRead(scan.entries(), scan.warning().stream().toList());
  }

  public FileJournal create(String runId, Consumer<JournalEntry> listener) throws IOException {
    return FileJournal.create(fileOf(runId), listener);
  }

  /** See {@link FileJournal#reopen}: repairs the file if a crash damaged it. */
  public FileJournal reopen(String runId, Consumer<JournalEntry> listener) throws IOException {
    return FileJournal.reopen(fileOf(runId), clock, listener);
  }

  /**
   * Deletes the journals (and damaged copies kept aside) of all but the latest {@code keep} runs,
   * never {@code inUse}'s. Returns the deleted files.
   */
  public List<Path> rotate(String inUse) throws IOException {
    List<String> ids = runIds();
    List<Path> deleted = new ArrayList<>();
    for (String id : ids.subList(0, Math.max(0, ids.size() - keep))) {
      if (!id.equals(inUse)) {
        deleted.addAll(deleteRun(id));
      }
    }
    return List.copyOf(deleted);
  }

  private List<Path> deleteRun(String runId) throws IOException {
    String prefix = runId + SUFFIX;
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(file -> {
        String name = file.getFileName().toString();
        return name.equals(prefix) || name.startsWith(prefix + ".corrupt-");
      }).sorted().toList();
    }
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    return files;
  }
}
