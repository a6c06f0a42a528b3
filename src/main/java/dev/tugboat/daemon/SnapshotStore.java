package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The snapshots in {@code <state_dir>/snapshots/}: one directory per snapshot, named by its id
 * (sortable by time), holding its archives, its spec and settings, and {@code manifest.json}. A
 * snapshot is written into {@code <id>.partial} and renamed once its manifest is in: a crash
 * leaves an unfinished directory, never a snapshot that looks whole; the daemon's start and the
 * next snapshot (before it measures the free space the unfinished one still takes) remove it.
 * Directories mode 0700 (the settings hold the app's secrets). Synchronized: the copies run on
 * workers, the API lists.
 */
final class SnapshotStore {

  private static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}\\.[0-9]{3}-[0-9a-f]{4}");
  private static final String PARTIAL = ".partial";

  private final Path dir;
  private final Consumer<String> warnings;

  SnapshotStore(Path dir, Consumer<String> warnings) {
    this.dir = dir;
    this.warnings = warnings;
  }

  Path dir() {
    return dir;
  }

  static boolean isId(String id) {
    return ID.matcher(id).matches();
  }

  /** Every whole snapshot, newest first; one whose manifest cannot be read is warned of. */
  synchronized List<SnapshotManifest> list() {
    List<SnapshotManifest> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!isId(name)) {
          continue;
        }
        try {
          found.add(SnapshotManifest.read(entry.resolve(SnapshotManifest.FILE)));
        } catch (NoSuchFileException e) {
          warnings.accept("snapshot " + name + " has no " + SnapshotManifest.FILE + ": not listed");
        } catch (IOException e) {
          warnings.accept("snapshot " + name + " is not listed: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      warnings.accept("cannot list the snapshots in " + dir + ": " + e);
    }
    found.sort(Comparator.comparing(SnapshotManifest::id).reversed());
    return found;
  }

  synchronized Optional<SnapshotManifest> find(String id) {
    if (!isId(id)) {
      return Optional.empty();
    }
    return list().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Where snapshot {@code id}'s files are. */
  Path folder(String id) {
    return dir.resolve(id);
  }

  /** A new, empty directory to write snapshot {@code id} into; unfinished ones are removed first. */
  synchronized Path begin(String id) throws IOException {
    if (!Files.isDirectory(dir)) {
      AtomicFiles.createPrivateDirectory(dir);
    }
    removeUnfinishedOrThrow();
    Path partial = dir.resolve(id + PARTIAL);
    AtomicFiles.createPrivateDirectory(partial);
    return partial;
  }

  /** Writes the manifest into {@code partial} and makes it the snapshot. */
  synchronized void finish(Path partial, SnapshotManifest manifest) throws IOException {
    manifest.write(partial.resolve(SnapshotManifest.FILE));
    Files.move(partial, folder(manifest.id()), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes a snapshot that could not be finished. */
  synchronized void abandon(Path partial) {
    try {
      removeTree(partial);
    } catch (IOException e) {
      warnings.accept("cannot remove the unfinished snapshot " + partial + ": " + e
          + "; the next snapshot removes it");
    }
  }

  /**
   * Keeps the newest {@code kept} snapshots and removes the others, but never {@code taken} (the
   * snapshot just taken: a clock set back makes it sort oldest) nor the newest one an apply took
   * (what {@code rollback --data} restores); returns the removed ids.
   */
  synchronized List<String> prune(int kept, String taken) {
    List<SnapshotManifest> all = list();
    Optional<String> forRollback = all.stream()
        .filter(m -> SnapshotManifest.BY_APPLY.equals(m.cause())).map(SnapshotManifest::id)
        .findFirst();
    List<String> removed = new ArrayList<>();
    for (SnapshotManifest old : all.subList(Math.min(kept, all.size()), all.size())) {
      if (old.id().equals(taken) || forRollback.filter(old.id()::equals).isPresent()) {
        continue;
      }
      try {
        removeTree(folder(old.id()));
        removed.add(old.id());
      } catch (IOException e) {
        warnings.accept("cannot remove snapshot " + old.id() + " (beyond snapshots_kept " + kept
            + "): " + e);
      }
    }
    return removed;
  }

  /**
   * Removes what unfinished snapshots left (an interrupted copy can have left gigabytes); one that
   * cannot be removed is warned of.
   */
  synchronized void removeUnfinished() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try {
      removeUnfinishedOrThrow();
    } catch (IOException e) {
      warnings.accept("cannot remove an unfinished snapshot in " + dir + ": " + e
          + "; it takes space until it is removed (by hand, or by the next snapshot)");
    }
  }

  private void removeUnfinishedOrThrow() throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + PARTIAL)) {
      for (Path entry : entries) {
        removeTree(entry);
      }
    }
  }

  private static void removeTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
