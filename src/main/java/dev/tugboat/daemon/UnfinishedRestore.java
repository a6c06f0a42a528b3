package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <state_dir>/restore-unfinished}: the id of the snapshot whose restore (or {@code rollback
 * --data}) began emptying the app's data and has not finished putting it back, with the spec and
 * settings it belongs to. A failure or a crash in between leaves the data half restored; the file
 * outlives the daemon, so no start (at boot, by the operator, by an apply) runs the app on that
 * data until a restore of the same snapshot completes.
 */
final class UnfinishedRestore {

  static final String FILE = "restore-unfinished";

  private final Path file;

  UnfinishedRestore(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  /** Before the first piece of data is emptied; a failure to write it changes nothing else. */
  void begin(String id) {
    try {
      AtomicFiles.writePrivate(file, id + "\n");
    } catch (IOException e) {
      throw new SnapshotFailed("cannot record in " + file + " that the restore of snapshot " + id
          + " begins: " + e + "; nothing was changed", e);
    }
  }

  /** Once the data, the spec and the settings of snapshot {@code id} are all back. */
  void finished(String id) {
    if (snapshot().filter(id::equals).isEmpty()) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "the restore of snapshot " + id
          + " finished, but " + file + " cannot be removed: " + e + "; the app is not started"
          + " while it exists: remove it, then tugboat start");
    }
  }

  /** The snapshot whose restore did not finish, if one did not. */
  Optional<String> snapshot() {
    try {
      String id = Files.readString(file).strip();
      return Optional.of(id.isEmpty() ? "(unknown: " + file + " is empty)" : id);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("(unknown: " + file + " cannot be read: " + e + ")");
    }
  }

  /** Refuses what would run the app, or restore other data, while a restore is unfinished. */
  void refuseIfUnfinished() {
    snapshot().ifPresent(id -> {
      throw refusal(id);
    });
  }

  /** As above, except for a restore of the unfinished snapshot itself, which finishes it. */
  void refuseOtherThan(String restoring) {
    snapshot().filter(id -> !id.equals(restoring)).ifPresent(id -> {
      throw refusal(id);
    });
  }

  private static AppRefusal refusal(String id) {
    return new AppRefusal(AppRefusal.Reason.CONFLICT, "a restore of snapshot " + id
        + " did not finish: run `tugboat snapshot restore " + id + "` again");
  }
}
