package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What this process does on the host's file system for a copy of data: measure a directory
 * (before a snapshot, to check the free space) and empty a host directory (before a restore; the
 * engine's API can add files, never delete them). Links are not followed.
 */
final class LocalData {

  /** The bytes of the files under {@code dir}; empty when this process cannot read it all. */
  OptionalLong size(String dir) {
    Path root = Path.of(dir);
    if (dir.isEmpty() || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return OptionalLong.empty();
    }
    long[] total = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          total[0] += attrs.isRegularFile() ? attrs.size() : 0;
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(total[0]);
  }

  /** Removes everything in {@code dir} and keeps {@code dir}, its owner and mode; made when missing. */
  void empty(String dir) {
    Path root = Path.of(dir);
    try {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(root);
        return;
      }
      if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        throw RuntimeFailure.invalidConfig(dir, "the host path is not a directory: a restore"
            + " empties a directory and unpacks the snapshot into it");
      }
      try (Stream<Path> children = Files.list(root)) {
        for (Path child : children.toList()) {
          removeTree(child);
        }
      }
    } catch (IOException e) {
      throw RuntimeFailure.engineError("empty " + dir, e.toString(), e);
    }
  }

  private static void removeTree(Path path) throws IOException {
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        deleteIfThere(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        deleteIfThere(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteIfThere(Path path) throws IOException {
    try {
      Files.delete(path);
    } catch (NoSuchFileException gone) {
      // removed meanwhile: what was wanted
    }
  }
}
