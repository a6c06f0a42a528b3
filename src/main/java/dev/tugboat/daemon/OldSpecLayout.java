package dev.tugboat.daemon;

import dev.tugboat.daemon.InputFiles.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The spec store as Tugboat 0.1 kept it, in {@code <state_dir>/spec}: {@code current.yml}, {@code
 * previous.yml} and {@code previous-settings.json}, each replaced on its own. Moved once into kept
 * files and a {@link SpecPointer}: the old files are removed only after the pointer is written, so
 * a crash in between moves them again.
 */
final class OldSpecLayout {

  private final Path current;
  private final Path previous;
  private final Path previousSettings;
  private final InputFiles files;
  private final SpecStore.Steps steps;

  OldSpecLayout(Path dir, InputFiles files, SpecStore.Steps steps) {
    this.current = dir.resolve("current.yml");
    this.previous = dir.resolve("previous.yml");
    this.previousSettings = dir.resolve("previous-settings.json");
    this.files = files;
    this.steps = steps;
  }

  /** Writes {@code pointerFile} from the old files, if there are any; they stay until removed. */
  void moveTo(Path pointerFile) throws IOException {
    if (List.of(current, previous, previousSettings).stream().noneMatch(Files::exists)) {
      return;
    }
    SpecPointer pointer = new SpecPointer(SpecPointer.FORMAT, keep(current, Kind.SPEC),
        keep(previous, Kind.SPEC), keep(previousSettings, Kind.SETTINGS), null);
    pointer.write(pointerFile);
    steps.after("wrote the pointer from the old layout");
  }

  /** Removes the old files, once the pointer holds what they said. */
  void removeLeftovers() throws IOException {
    for (Path file : List.of(current, previous, previousSettings)) {
      if (Files.deleteIfExists(file)) {
        steps.after("removed " + file.getFileName());
      }
    }
  }

  private String keep(Path file, Kind kind) throws IOException {
    try {
      String digest = files.put(kind, Files.readString(file));
      steps.after("kept " + file.getFileName());
      return digest;
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
