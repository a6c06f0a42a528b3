package dev.tugboat.daemon;

import dev.tugboat.app.TugboatVersion;
import dev.tugboat.config.Settings;
import dev.tugboat.config.SettingsStore;
import dev.tugboat.daemon.InputFiles.Kind;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import dev.tugboat.events.RunInputDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ties each run to its inputs: at a start, the spec's text and the settings file are kept by
 * content ({@link InputFiles}) and the run is prepared from those copies, whose digests its journal
 * records; a run resumed after a restart of the daemon is prepared from the same copies, so a
 * {@code config set} or an edit of the spec since applies at the next start, not in the middle of
 * a run. Kept files no journal and no spec pointer names are removed at each start.
 */
final class RunInputPins {

  /** A run's kept spec and settings, and their digests as its journal records them. */
  record Pinned(Path spec, Path settings, RunInputDigests digests) {}

  private final InputFiles files;
  private final Path settingsFile;
  private final SpecStore specs;
  private final RunJournals journals;
  private final DaemonLog log;

  RunInputPins(InputFiles files, Path settingsFile, SpecStore specs, RunJournals journals,
      DaemonLog log) {
    this.files = files;
    this.settingsFile = settingsFile;
    this.specs = specs;
    this.journals = journals;
    this.log = log;
  }

  /**
   * Keeps {@code specText} and the settings file as they are now (an empty settings file is made
   * when there is none, so every run names one), then removes kept files nothing names any more.
   */
  Pinned pin(String specText) throws IOException {
    if (!Files.exists(settingsFile)) {
      new SettingsStore(settingsFile).save(Settings.empty());
    }
    String spec = files.put(Kind.SPEC, specText);
    String settings = files.put(Kind.SETTINGS, Files.readString(settingsFile));
    RunInputDigests digests = new RunInputDigests(spec, settings, TugboatVersion.current());
    removeUnused(digests);
    return new Pinned(files.path(Kind.SPEC, spec), files.path(Kind.SETTINGS, settings), digests);
  }

  /**
   * The kept files of a run that recorded {@code digests}.
   *
   * @throws InputFiles.Unusable when one is missing or damaged: the run cannot go on as it was
   *     started
   */
  Pinned find(RunInputDigests digests) throws IOException {
    return new Pinned(files.require(Kind.SPEC, digests.spec()),
        files.require(Kind.SETTINGS, digests.settings()), digests);
  }

  /** What the run of {@code entries} recorded at its start; empty for an older journal. */
  static Optional<RunInputDigests> recorded(List<JournalEntry> entries) {
    return entries.stream().map(JournalEntry::record)
        .filter(RunEvent.StartRequested.class::isInstance).map(RunEvent.StartRequested.class::cast)
        .findFirst().flatMap(RunEvent.StartRequested::recorded);
  }

  /**
   * Removes kept files that neither {@code starting}, nor a kept journal, nor the spec pointer
   * names. When one of those cannot be read, nothing is removed: a file too many is harmless, one
   * too few loses a run or a rollback.
   */
  private void removeUnused(RunInputDigests starting) {
    try {
      Set<String> keep = new HashSet<>(specs.digests());
      keep.add(starting.spec());
      keep.add(starting.settings());
      for (String runId : journals.runIdsOrThrow()) {
        journals.recordedInputs(runId).ifPresent(inputs -> {
          keep.add(inputs.spec());
          keep.add(inputs.settings());
        });
      }
      files.removeAllBut(keep);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot clean up the kept specs and settings in " + files.directory() + ": " + e
          + "; they stay until the next start");
    }
  }
}
