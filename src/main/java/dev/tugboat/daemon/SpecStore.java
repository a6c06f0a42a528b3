package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The spec the daemon runs and the one before it, kept in the state directory so an upgrade can be
 * undone: {@code spec/current.yml} (until the first {@code apply}, the daemon config's {@code app}
 * is the spec in use), {@code spec/previous.yml} and {@code spec/previous-settings.json}, the
 * settings file as it was for the previous spec. Every file is written atomically, mode 0600 (the
 * settings hold passwords).
 *
 * <p>Each file is replaced atomically, not the set. The writes are ordered for a crash in the
 * middle: an install copies the spec in use before replacing it, so the worst case is a previous
 * copy equal to the spec in use; a rollback writes the settings, then the spec it returns to, then
 * the copies of what it left: the worst case is the settings of the spec returned to beside the
 * spec being left; a second rollback then completes it, and only the settings of the spec left are
 * lost. Not thread-safe: the supervisor calls it on the app supervisor.
 */
final class SpecStore {

  private final Path current;
  private final Path previous;
  private final Path previousSettings;
  private final Optional<Path> initial;
  private final Path settingsFile;

  /** {@code dir} holds the copies; {@code initial} is the daemon config's {@code app}. */
  SpecStore(Path dir, Optional<Path> initial, Path settingsFile) {
    this.current = dir.resolve("current.yml");
    this.previous = dir.resolve("previous.yml");
    this.previousSettings = dir.resolve("previous-settings.json");
    this.initial = initial;
    this.settingsFile = settingsFile;
  }

  /** The spec in use: the copy once one was applied, else the daemon config's {@code app}. */
  Optional<Path> current() {
    return Files.exists(current) ? Optional.of(current) : initial;
  }

  /** The spec in use before the last apply or rollback, if any. */
  Optional<Path> previous() {
    return Files.exists(previous) ? Optional.of(previous) : Optional.empty();
  }

  /** The settings kept with the previous spec (the file may not exist). */
  Path previousSettings() {
    return previousSettings;
  }

  /**
   * Makes {@code spec} the spec in use; the one in use so far and the settings become the previous
   * ones. The settings themselves stay: the new spec starts with the values the old one had.
   */
  void install(String spec) throws IOException {
    makeDirectory();
    Optional<Path> inUse = current();
    if (inUse.isPresent()) {
      write(previousSettings, read(settingsFile));
      AtomicFiles.writePrivate(previous, Files.readString(inUse.get()));
    }
    AtomicFiles.writePrivate(current, spec);
  }

  /**
   * Swaps the spec and settings in use with the previous ones: a second rollback undoes the
   * first.
   *
   * @throws IllegalStateException when there is no previous spec (check {@link #previous()})
   */
  void rollback() throws IOException {
    if (previous().isEmpty()) {
      throw new IllegalStateException("no previous spec in " + previous.getParent());
    }
    String backSpec = Files.readString(previous);
    Optional<String> backSettings = read(previousSettings);
    String leavingSpec = Files.readString(current().orElseThrow(
        () -> new IllegalStateException("no spec in use to roll back from")));
    Optional<String> leavingSettings = read(settingsFile);
    write(settingsFile, backSettings);
    AtomicFiles.writePrivate(current, backSpec);
    write(previousSettings, leavingSettings);
    AtomicFiles.writePrivate(previous, leavingSpec);
  }

  /** Mode 0700, as the state directory: the previous settings hold passwords. */
  private void makeDirectory() throws IOException {
    Path dir = current.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
  }

  private static Optional<String> read(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code contents}, or removes the file when there are none (no settings yet). */
  private static void write(Path file, Optional<String> contents) throws IOException {
    if (contents.isPresent()) {
      AtomicFiles.writePrivate(file, contents.get());
    } else {
      Files.deleteIfExists(file);
    }
  }
}
