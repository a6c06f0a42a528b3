package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.HostPathKind;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What this process does on the host's file system for a copy of data: measure a directory
 * (before a snapshot, to check the free space) and empty a host directory (before a restore; the
 * engine's API can add files, never delete them). Links are not followed, and emptying never
 * crosses into another file system mounted below the directory (a bind mount of /, of /proc or of
 * another disk would otherwise be emptied with it): such entries are left and reported.
 */
final class LocalData {

  /** The device a path's file system is on, without following a link. */
  interface Devices {
    Object of(Path path) throws IOException;
  }

  private final Devices devices;

  LocalData() {
    this(path -> Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS));
  }

  LocalData(Devices devices) {
    this.devices = devices;
  }

  /** What is at {@code path}, without following a link. */
  HostPathKind kind(String path) {
    Path p = Path.of(path);
    try {
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) {
        return HostPathKind.DIRECTORY;
      }
      if (attrs.isRegularFile()) {
        return HostPathKind.FILE;
      }
      if (attrs.isSymbolicLink()) {
        return HostPathKind.LINK;
      }
      int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      return switch (type) {
        case 0140000 -> HostPathKind.SOCKET;
        case 0060000, 0020000 -> HostPathKind.DEVICE;
        default -> HostPathKind.OTHER;
      };
    } catch (NoSuchFileException e) {
      return HostPathKind.MISSING;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

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

  /**
   * Removes everything in {@code dir} on the same file system and keeps {@code dir}, its owner and
   * mode; made when missing.
   *
   * @return the entries left because another file system is mounted there
   */
  List<String> empty(String dir) {
    Path root = Path.of(dir);
    try {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(root);
        return List.of();
      }
      if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        throw RuntimeFailure.invalidConfig(dir, "the host path is not a directory: a restore"
            + " empties a directory and unpacks the snapshot into it");
      }
      Object device = devices.of(root);
      List<String> left = new ArrayList<>();
      try (Stream<Path> children = Files.list(root)) {
        for (Path child : children.toList()) {
          removeTree(child, device, left);
        }
      }
      return left;
    } catch (IOException e) {
      throw RuntimeFailure.engineError("empty " + dir, e.toString(), e);
    }
  }

  private void removeTree(Path path, Object device, List<String> left) throws IOException {
    // a directory that holds a mount point stays, as the mount point itself does
    List<Path> kept = new ArrayList<>();
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
          throws IOException {
        if (!onDevice(d, device)) {
          keep(d);
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (onDevice(file, device)) {
          deleteIfThere(file);
        } else {
          keep(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        if (kept.stream().noneMatch(k -> k.startsWith(d))) {
          deleteIfThere(d);
        }
        return FileVisitResult.CONTINUE;
      }

      private void keep(Path p) {
        kept.add(p);
        left.add(p.toString());
      }
    });
  }

  private boolean onDevice(Path path, Object device) throws IOException {
    try {
      return Objects.equals(devices.of(path), device);
    } catch (NoSuchFileException gone) {
      return true;
    }
  }

  private static void deleteIfThere(Path path) throws IOException {
    try {
      Files.delete(path);
    } catch (NoSuchFileException gone) {
      // removed meanwhile: what was wanted
    }
  }
}
