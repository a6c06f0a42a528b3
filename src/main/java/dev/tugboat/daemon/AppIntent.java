package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the operator last asked of the app, {@code started} or {@code stopped}, kept in {@code
 * <state_dir>/app-intent}. Written before the daemon acts on the request, so a daemon killed
 * between a start request and the run's first journal line still knows the app should run, and
 * one killed while stopping knows it should not.
 */
final class AppIntent {

  enum Wanted {
    STARTED,
    STOPPED
  }

  private final Path file;

  AppIntent(Path stateDir) {
    this.file = stateDir.resolve("app-intent");
  }

  void record(Wanted wanted) throws IOException {
    AtomicFiles.writePrivate(file, wanted.name().toLowerCase(Locale.ROOT) + "\n");
  }

  /** Empty when nothing was ever asked (a first start) or the file makes no sense. */
  Optional<Wanted> read() throws IOException {
    String text;
    try {
      text = Files.readString(file).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return switch (text) {
      case "started" -> Optional.of(Wanted.STARTED);
      case "stopped" -> Optional.of(Wanted.STOPPED);
      default -> Optional.empty();
    };
  }

  /** What was last asked; a file that cannot be read counts as nothing asked, said in the log. */
  Optional<Wanted> readOrWarn(DaemonLog log) {
    try {
      return read();
    } catch (IOException e) {
      log.warn("cannot read what the operator last asked of the app in " + file + ": " + e);
      return Optional.empty();
    }
  }

  /**
   * Records the request before it is acted on. A start that cannot be recorded is refused (507):
   * its run could not write its journal either. A stop goes ahead with a warning: refused, it
   * would leave running what the operator wants stopped, perhaps to free the very disk that is
   * full; only a daemon restart before the file can be written would start the app again.
   */
  void recordOrRefuse(Wanted wanted, DaemonLog log) {
    try {
      record(wanted);
    } catch (IOException e) {
      if (wanted == Wanted.STOPPED) {
        log.warn("cannot record the stop in " + file + ": " + e + "; stopping all the same (were"
            + " the daemon restarted before the file can be written, it would start the app"
            + " again)");
        return;
      }
      String message = "cannot record the request in " + file + ": " + e;
      throw StateDirRefusal.logged(log, message);
    }
  }

  Path file() {
    return file;
  }
}
