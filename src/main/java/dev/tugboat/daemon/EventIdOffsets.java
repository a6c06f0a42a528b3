package dev.tugboat.daemon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Where each run's API event ids begin, kept in {@code <state_dir>/event-ids.json}: an event's id
 * is its run's offset plus the sequence of its journal line. The offsets live outside the
 * journals because they must outlive them: rotation deletes old runs, and the ids of the runs
 * after them must not shrink. The last {@value #KEEP} runs are kept, more than the journals.
 */
final class EventIdOffsets {

  static final int KEEP = 100;
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** The file's document; {@code runs} in run id order, which is start order. */
  private record Document(int format, List<RunOffset> runs) {}

  private record RunOffset(String runId, long offset) {}

  private final Path file;
  private final Consumer<String> warnings;
  private final Clock clock;

  EventIdOffsets(Path stateDir, Consumer<String> warnings) {
    this(stateDir, warnings, Clock.systemUTC());
  }

  /** {@code clock} names the copy of an unreadable file kept aside. */
  EventIdOffsets(Path stateDir, Consumer<String> warnings, Clock clock) {
    this.file = stateDir.resolve("event-ids.json");
    this.warnings = warnings;
    this.clock = clock;
  }

  /**
   * The offsets by run id; none when there is no file yet (a state directory of a version before
   * it). A file that cannot be read is moved aside with a warning: the runs still on disk are
   * numbered again from their journals, which may give ids a client has already seen.
   */
  TreeMap<String, Long> read() {
    TreeMap<String, Long> offsets = new TreeMap<>();
    try {
      Document document = JSON.readValue(Files.readString(file), Document.class);
      if (document.format() != FORMAT || document.runs() == null) {
        throw new IOException("format " + document.format() + ", expected " + FORMAT);
      }
      document.runs().stream().filter(Objects::nonNull)
          .forEach(run -> offsets.put(run.runId(), run.offset()));
    } catch (NoSuchFileException e) {
      return offsets;
    } catch (IOException e) {
      String why = "the event id offsets " + file + " cannot be read (" + e.getMessage() + ")";
      String after = ": event ids are counted again from the journals, so a client may see some"
          + " ids again";
      try {
        warnings.accept(why + "; moved to " + AtomicFiles.setAside(file, clock) + after);
      } catch (IOException moveFailed) {
        warnings.accept(why + "; cannot move it aside (" + moveFailed.getMessage() + ")" + after);
      }
    }
    return offsets;
  }

  /** Writes the offsets of the latest {@value #KEEP} runs, atomically. */
  void save(Map<String, Long> offsets) throws IOException {
    List<RunOffset> runs = new ArrayList<>();
    new TreeMap<>(offsets).forEach((runId, offset) -> runs.add(new RunOffset(runId, offset)));
    List<RunOffset> kept = runs.subList(Math.max(0, runs.size() - KEEP), runs.size());
    AtomicFiles.writePrivate(file, JSON.writeValueAsString(new Document(FORMAT, kept)) + "\n");
  }

  Path file() {
    return file;
  }
}
