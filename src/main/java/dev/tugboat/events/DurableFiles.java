package dev.tugboat.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The few file operations the journal needs to survive a power loss. Journal files are 0600 and
 * their directory 0700: entries quote container output and operator messages.
 */
final class DurableFiles {

  static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private DurableFiles() {}

  /** A new, empty file; its directory is synced so the file's name survives a power loss too. */
  static FileChannel createForAppend(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY_FILE);
    try {
      syncDirectory(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  /** Replaces {@code target} with {@code contents}: a crash leaves the old file or the new one. */
  static void replace(Path target, ByteBuffer contents) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", OWNER_ONLY_FILE);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        while (contents.hasRemaining()) {
          channel.write(contents);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(directory);
  }

  /** Keeps the file's bytes under a second name too (a hard link where the file system has them). */
  static void preserveAs(Path file, Path copy) throws IOException {
    try {
      Files.createLink(copy, file);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    }
    syncDirectory(copy.toAbsolutePath().getParent());
  }

  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
