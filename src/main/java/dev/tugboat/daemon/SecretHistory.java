package dev.tugboat.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every secret value the app has had, kept in {@code <state_dir>/secrets-seen} (0600, beside the
 * settings that hold today's): the events of earlier runs, read back from their journals after a
 * restart, may quote a password that was replaced since, and must be masked with it too. The
 * newest {@value #KEPT} values are kept. Thread-safe.
 */
final class SecretHistory {

  static final String FILE = "secrets-seen";
  static final int KEPT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Consumer<String> warnings;
  private final LinkedHashSet<String> values;

  private SecretHistory(Path file, Consumer<String> warnings, LinkedHashSet<String> values) {
    this.file = file;
    this.warnings = warnings;
    this.values = values;
  }

  /** The history in {@code stateDir}; a damaged file is set aside (and named) and starts anew. */
  static SecretHistory load(Path stateDir, Clock clock, Consumer<String> warnings) {
    Path file = stateDir.resolve(FILE);
    LinkedHashSet<String> values = new LinkedHashSet<>();
    try {
      values.addAll(JSON.readValue(Files.readString(file), new TypeReference<List<String>>() {}));
    } catch (NoSuchFileException none) {
      // no secret seen yet
    } catch (IOException | RuntimeException e) {
      try {
        Path aside = AtomicFiles.setAside(file, clock);
        warnings.accept(file + " cannot be read (" + e.getMessage() + "); kept as " + aside
            + ": events of earlier runs may show secrets replaced before today");
      } catch (IOException notMoved) {
        warnings.accept("cannot read or set aside " + file + ": " + notMoved.getMessage());
      }
    }
    return new SecretHistory(file, warnings, values);
  }

  synchronized List<String> values() {
    return List.copyOf(values);
  }

  /** Adds the values not kept yet, and writes the file when there were any. */
  synchronized void remember(Collection<String> seen) {
    boolean added = false;
    for (String value : seen) {
      if (value != null && !value.isBlank() && !values.contains(value)) {
        values.add(value);
        added = true;
      }
    }
    if (!added) {
      return;
    }
    List<String> newest = new ArrayList<>(values);
    if (newest.size() > KEPT) {
      newest = newest.subList(newest.size() - KEPT, newest.size());
      values.clear();
      values.addAll(newest);
    }
    try {
      AtomicFiles.writePrivate(file, JSON.writeValueAsString(newest) + "\n");
    } catch (IOException e) {
      warnings.accept("cannot keep the app's secrets in " + file + " (" + e.getMessage()
          + "): after a restart, events of earlier runs may show a secret replaced since");
    }
  }
}
