package dev.tugboat.daemon;

import dev.tugboat.daemon.InputFiles.Kind;
import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The spec the daemon runs and the one before it, so an upgrade can be undone. The specs, and the
 * settings file as it was for the previous spec, are kept by content in {@link InputFiles}; one
 * pointer, {@code <state_dir>/spec/state.json} ({@link SpecPointer}), names them. Until the first
 * {@code apply}, the daemon config's {@code app} is the spec in use.
 *
 * <p>Apply and rollback first keep every file they will point to, then replace the pointer: that
 * one rename is the switch, so a crash leaves it wholly done or not done. A rollback also puts the
 * settings it returns to into the settings file, which {@code tugboat config} edits in place: the
 * pointer carries that write as pending until it is done, and the next open finishes it, unless the
 * settings file was changed since (then it is left alone, with a warning).
 *
 * <p>A state directory written by an older Tugboat ({@code spec/current.yml}, {@code
 * previous.yml}, {@code previous-settings.json}) is moved to this layout on first use.
 * Synchronized: the app supervisor switches, API threads read.
 */
final class SpecStore {

  /** Called after each write of a switch, with what was written: tests crash there. */
  interface Steps {
    Steps NONE = step -> { };

    void after(String step) throws IOException;
  }

  private final Path dir;
  private final Path pointerFile;
  private final InputFiles files;
  private final Optional<Path> initial;
  private final Path settingsFile;
  private final Consumer<String> warnings;
  private final Steps steps;
  private boolean opened;

  /** {@code dir} ({@code <state_dir>/spec}) holds the pointer; {@code initial} is the config's app. */
  SpecStore(Path dir, Optional<Path> initial, Path settingsFile) {
    this(dir, initial, settingsFile, warning -> System.err.println("WARN " + warning), Steps.NONE);
  }

  SpecStore(Path dir, Optional<Path> initial, Path settingsFile, Consumer<String> warnings,
      Steps steps) {
    this.dir = dir;
    this.pointerFile = dir.resolve("state.json");
    this.files = InputFiles.in(dir.toAbsolutePath().getParent());
    this.initial = initial;
    this.settingsFile = settingsFile;
    this.warnings = warnings;
    this.steps = steps;
  }

  /** The kept specs and settings, shared with the runs' inputs. */
  InputFiles files() {
    return files;
  }

  /** The spec in use: the kept one once one was applied, else the daemon config's {@code app}. */
  synchronized Optional<Path> current() {
    return Optional.ofNullable(pointer().current()).map(d -> files.path(Kind.SPEC, d))
        .or(() -> initial);
  }

  /** The spec in use before the last apply or rollback, if any. */
  synchronized Optional<Path> previous() {
    return Optional.ofNullable(pointer().previous()).map(d -> files.path(Kind.SPEC, d));
  }

  /** The settings kept with the previous spec; empty when there were none. */
  synchronized Optional<Path> previousSettings() {
    return Optional.ofNullable(pointer().previousSettings())
        .map(d -> files.path(Kind.SETTINGS, d));
  }

  /** The digests of every kept file the pointer names. */
  synchronized Set<String> digests() throws IOException {
    return open().digests();
  }

  /**
   * Makes {@code spec} the spec in use; the one in use so far and the settings become the previous
   * ones. The settings themselves stay: the new spec starts with the values the old one had.
   */
  synchronized void install(String spec) throws IOException {
    SpecPointer before = open();
    String next = files.put(Kind.SPEC, spec);
    steps.after("kept the new spec");
    Optional<String> leaving = keepSpecInUse(before);
    if (leaving.isEmpty()) {
      write(new SpecPointer(SpecPointer.FORMAT, next, before.previous(),
          before.previousSettings(), null));
      return;
    }
    String settings = keepSettings();
    steps.after("kept the settings");
    write(new SpecPointer(SpecPointer.FORMAT, next, leaving.get(), settings, null));
  }

  /**
   * Swaps the spec and settings in use with the previous ones: a second rollback undoes the
   * first.
   *
   * @throws IllegalStateException when there is no previous spec (check {@link #previous()})
   */
  synchronized void rollback() throws IOException {
    SpecPointer before = open();
    if (before.previous() == null) {
      throw new IllegalStateException("no previous spec in " + dir);
    }
    files.require(Kind.SPEC, before.previous());
    if (before.previousSettings() != null) {
      files.require(Kind.SETTINGS, before.previousSettings());
    }
    String leaving = keepSpecInUse(before).orElseThrow(
        () -> new IllegalStateException("no spec in use to roll back from"));
    String leavingSettings = keepSettings();
    steps.after("kept the settings left");
    write(new SpecPointer(SpecPointer.FORMAT, before.previous(), leaving, leavingSettings,
        new SpecPointer.Pending(before.previousSettings())));
    finishPending(open());
  }

  /** The pointer, the layout moved and a pending settings write finished first; none: none yet. */
  private SpecPointer open() throws IOException {
    if (!opened) {
      OldSpecLayout old = new OldSpecLayout(dir, files, steps);
      if (SpecPointer.read(pointerFile).isEmpty()) {
        old.moveTo(pointerFile);
      }
      old.removeLeftovers();
      finishPending(SpecPointer.read(pointerFile).orElse(SpecPointer.NONE));
      opened = true;
    }
    return SpecPointer.read(pointerFile).orElse(SpecPointer.NONE);
  }

  /**
   * For the readers: an unreadable pointer is refused, not taken as no spec applied, which would
   * run the daemon config's {@code app} in place of the spec the operator applied.
   */
  private SpecPointer pointer() {
    try {
      return open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void finishPending(SpecPointer pointer) throws IOException {
    if (pointer.pending() == null) {
      return;
    }
    Optional<String> wanted = Optional.ofNullable(pointer.pending().settings());
    Optional<String> now = settingsDigest();
    if (now.equals(Optional.ofNullable(pointer.previousSettings()))) {
      if (wanted.isPresent()) {
        AtomicFiles.writePrivate(settingsFile,
            Files.readString(files.require(Kind.SETTINGS, wanted.get())));
      } else {
        Files.deleteIfExists(settingsFile);
      }
      steps.after("wrote the settings returned to");
    } else if (!now.equals(wanted)) {
      warnings.accept("a rollback did not finish writing " + settingsFile + " before the daemon"
          + " stopped, and the file was changed since: it is left as it is; the settings of the"
          + " spec rolled back to are kept in " + wanted.map(d -> files.path(Kind.SETTINGS, d)
              .toString()).orElse("(none: there was no settings file)"));
    }
    write(pointer.withoutPending());
  }

  /** The digest of the spec in use, kept; empty when there is none. */
  private Optional<String> keepSpecInUse(SpecPointer pointer) throws IOException {
    if (pointer.current() != null) {
      return Optional.of(pointer.current());
    }
    if (initial.isEmpty()) {
      return Optional.empty();
    }
    String digest = files.put(Kind.SPEC, Files.readString(initial.get()));
    steps.after("kept the spec in use");
    return Optional.of(digest);
  }

  /** The settings file kept; null when there is none. */
  private String keepSettings() throws IOException {
    try {
      return files.put(Kind.SETTINGS, Files.readString(settingsFile, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private Optional<String> settingsDigest() throws IOException {
    try {
      return Optional.of(InputFiles.digestOf(Files.readAllBytes(settingsFile)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private void write(SpecPointer pointer) throws IOException {
    pointer.write(pointerFile);
    steps.after("replaced the pointer");
  }
}
