package dev.tugboat.daemon;

import dev.tugboat.events.FileJournal;
import dev.tugboat.events.JournalCodec;
import dev.tugboat.events.JournalDirectory;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import dev.tugboat.events.RunInputDigests;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's run journals in {@code <state_dir>/runs}, with what goes wrong said in its log:
 * a new run's journal (older ones rotated out), the latest run, a journal read back to resume,
 * the kept runs' entries for the API's event list, the inputs a run recorded.
 */
final class RunJournals {

  private final Path stateDir;
  private final Clock clock;
  private final DaemonLog log;
  private volatile JournalDirectory directory;

  RunJournals(Path stateDir, Clock clock, DaemonLog log) {
    this.stateDir = stateDir;
    this.clock = clock;
    this.log = log;
  }

  /** A new run's journal; refuses the start (507) when the state directory cannot take it. */
  FileJournal create(String runId, Consumer<JournalEntry> listener) {
    try {
      FileJournal journal = directory().create(runId, listener);
      directory().rotate(runId);
      return journal;
    } catch (IOException e) {
      String message = "cannot write the run's journal in " + stateDir + ": " + e;
      throw StateDirRefusal.logged(log, message);
    }
  }

  /** The latest run with a journal; empty when there is none or the directory cannot be read. */
  Optional<String> latestRunId() {
    try {
      return directory().latestRunId();
    } catch (IOException e) {
      log.error("cannot read the journals in " + stateDir + ": " + e);
      return Optional.empty();
    }
  }

  /** Every run with a journal, oldest first; none when the directory cannot be read. */
  List<String> runIds() {
    try {
      return directory().runIds();
    } catch (IOException e) {
      log.error("cannot read the journals in " + stateDir + ": " + e);
      return List.of();
    }
  }

  /** Every run with a journal, oldest first; for what must not take "none" for "unreadable". */
  List<String> runIdsOrThrow() throws IOException {
    return directory().runIds();
  }

  /**
   * A run's entries read without changing its file (damage is left out: resuming the run repairs
   * it and says so); empty, said in the log, when the file cannot be read at all.
   */
  Optional<List<JournalEntry>> readOrWarn(String runId) {
    try {
      return Optional.of(directory().read(runId).entries());
    } catch (IOException e) {
      log.warn("cannot read the journal of run " + runId + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The spec and settings a run's journal says it started with, read from its first lines only;
   * empty when it does not say (written before Tugboat recorded them, or damaged before its start).
   */
  Optional<RunInputDigests> recordedInputs(String runId) throws IOException {
    JournalCodec codec = new JournalCodec();
    try (BufferedReader lines = Files.newBufferedReader(directory().fileOf(runId))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JournalEntry entry;
        try {
          entry = codec.decode(line);
        } catch (JournalCodec.UnreadableLine e) {
          return Optional.empty();
        }
        if (entry.record() instanceof RunEvent.StartRequested start) {
          return start.recorded();
        }
      }
    } catch (MalformedInputException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The size in bytes of a run's journal file, 0 when it cannot be told. */
  long sizeOf(String runId) {
    try {
      return Files.size(directory().fileOf(runId));
    } catch (IOException e) {
      return 0;
    }
  }

  /** A run's journal read back, repaired if a crash damaged it (which the log is told). */
  FileJournal reopen(String runId, Consumer<JournalEntry> listener) throws IOException {
    FileJournal journal = directory().reopen(runId, listener);
    journal.warnings().forEach(log::warn);
    return journal;
  }

  void close(FileJournal journal, String runId) {
    try {
      journal.close();
    } catch (IOException e) {
      log.warn("closing the journal of run " + runId + ": " + e);
    }
  }

  private JournalDirectory directory() throws IOException {
    JournalDirectory opened = directory;
    if (opened == null) {
      opened = JournalDirectory.open(stateDir, JournalDirectory.DEFAULT_KEEP, clock);
      directory = opened;
    }
    return opened;
  }
}
