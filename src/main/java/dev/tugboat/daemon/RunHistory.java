package dev.tugboat.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tugboat.api.RunRecord;
import dev.tugboat.files.AtomicFiles;
import dev.tugboat.license.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's past runs ({@code <state_dir>/history.json}, the last {@value #KEEP}), written
 * atomically each time a run starts or its outcome changes. Called from the app supervisor (a run
 * starts) and a run's loop thread (its state changes), hence synchronized. A history that cannot be
 * written is a warning in the log, never a reason to stop a run.
 */
final class RunHistory {

  static final int KEEP = 200;
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /**
   * The file's document; {@code runs} oldest first; {@code first} the first run ever launched
   * here, kept when the runs are cut to the last {@value #KEEP} ({@code AppVersionFirst}).
   */
  private record Document(int format, RunRecord first, List<RunRecord> runs) {}

  private final Path file;
  private final Clock clock;
  private final Consumer<String> warnings;
  private List<RunRecord> runs;
  private RunRecord first;

  RunHistory(Path file, Clock clock, Consumer<String> warnings) {
    this.file = file;
    this.clock = clock;
    this.warnings = warnings;
  }

  /**
   * A run was launched. One run is live at a time, so earlier runs still open ended before it
   * (their end was not seen: the daemon stopped while they ran and did not resume them).
   */
  synchronized void launched(String runId, String specName, String specVersion) {
    Instant now = clock.instant();
    List<RunRecord> next = new ArrayList<>();
    loaded().forEach(run -> next.add(run.unseenEnd(now)));
    next.add(RunRecord.launched(runId, specName, specVersion, now));
    save(next.subList(Math.max(0, next.size() - KEEP), next.size()));
  }

  /** The app's state in run {@code runId} is now {@code state}; saved when the record changes. */
  synchronized void observed(String runId, String state, String message, boolean ended) {
    List<RunRecord> current = loaded();
    for (int i = current.size() - 1; i >= 0; i--) {
      RunRecord run = current.get(i);
      if (run.runId().equals(runId)) {
        RunRecord next = run.observed(state, message, ended, clock.instant());
        if (!next.equals(run)) {
          List<RunRecord> changed = new ArrayList<>(current);
          changed.set(i, next);
          save(changed);
        }
        return;
      }
    }
  }

  /** The runs, newest first. */
  synchronized List<RunRecord> runs() {
    List<RunRecord> newestFirst = new ArrayList<>(loaded());
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  /**
   * The releases as the templates of a run about to launch see them: the first version installed
   * here and when, and the version in use before it: the newest run that did not fail.
   */
  synchronized Releases releases() {
    List<RunRecord> known = loaded();
    Optional<RunRecord> oldest = Optional.ofNullable(first)
        .or(() -> known.stream().findFirst());
    Optional<String> current = Optional.empty();
    for (int i = known.size() - 1; i >= 0 && current.isEmpty(); i--) {
      if (!known.get(i).outcome().equals(RunRecord.FAILED)) {
        current = Optional.of(known.get(i).specVersion());
      }
    }
    return new Releases(oldest.map(RunRecord::specVersion), oldest.map(RunRecord::startedAt),
        current);
  }

  private List<RunRecord> loaded() {
    if (runs == null) {
      runs = read();
    }
    return runs;
  }

  private List<RunRecord> read() {
    try {
      Document document = JSON.readValue(Files.readString(file), Document.class);
      if (document.format() != FORMAT || document.runs() == null) {
        throw new IOException("format " + document.format() + ", expected " + FORMAT);
      }
      first = document.first();
      return List.copyOf(document.runs().stream().filter(Objects::nonNull).toList());
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      String why = "the run history " + file + " cannot be read (" + e.getMessage() + ")";
      try {
        warnings.accept(why + "; it was moved to " + AtomicFiles.setAside(file, clock)
            + " and a new history begins");
      } catch (IOException moveFailed) {
        warnings.accept(why + "; it cannot be moved aside (" + moveFailed.getMessage()
            + ") and a new history begins");
      }
      return List.of();
    }
  }

  private void save(List<RunRecord> next) {
    runs = List.copyOf(next);
    if (first == null && !runs.isEmpty()) {
      first = runs.get(0);
    }
    try {
      AtomicFiles.writePrivate(file,
          JSON.writeValueAsString(new Document(FORMAT, first, runs)) + "\n");
    } catch (IOException e) {
      warnings.accept("cannot write the run history " + file + ": " + e.getMessage()
          + "; runs go on, the history misses this change");
    }
  }
}
