package dev.tugboat.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Writes a file so that a crash leaves either the old contents or the new ones, never a mix: a
 * temporary file in the same directory (created 0600, since these files hold secrets), fsync, rename
 * over the target, then fsync of the directory so the rename itself survives a power loss. Used for
 * the settings, the CA, the daemon's API token, the spec copies, the run history and a repaired
 * journal. An unreadable file is kept aside under one naming ({@code <name>.corrupt-<time>}) by
 * {@link #setAside} or {@link #copyAside}.
 */
public final class AtomicFiles {

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code contents}, mode 0600, making its directory if needed, mode
   * 0700: it holds secrets, and the daemon refuses a state directory others can reach.
   */
  public static void writePrivate(Path target, String contents) throws IOException {
    writePrivate(target, ByteBuffer.wrap(contents.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@link #writePrivate(Path, String)} with bytes: those {@code contents} has remaining. */
  public static void writePrivate(Path target, ByteBuffer contents) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
    }
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp",
        OWNER_ONLY_FILE);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        while (contents.hasRemaining()) {
          channel.write(contents);
        }
        channel.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(directory);
  }

  /** A new, empty file (0600) to append to; fails if it exists. Its name survives a power loss. */
  public static FileChannel createForAppend(Path file) throws IOException {
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

  /** A new directory (0700) in an existing one; its name survives a power loss. */
  public static void createPrivateDirectory(Path directory) throws IOException {
    Files.createDirectory(directory, OWNER_ONLY_DIRECTORY);
    syncDirectory(directory.toAbsolutePath().getParent());
  }

  /**
   * Renames a damaged file to {@code <name>.corrupt-<time>} beside it (UTC, {@code
   * 20261122-044500}; {@code -2}, {@code -3}... when that name is taken), so its contents stay for
   * the operator while the program starts without it. Returns the new path.
   */
  public static Path setAside(Path file, Clock clock) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path aside = asideName(absolute, clock);
    Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(absolute.getParent());
    return aside;
  }

  /**
   * Keeps a damaged file's bytes under the name {@link #setAside} would give it, leaving the file
   * in place (to be replaced next, so a crash in between never leaves it missing): a hard link
   * where the file system has them, else a synced copy. Returns the copy's path.
   */
  public static Path copyAside(Path file, Clock clock) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path aside = asideName(absolute, clock);
    try {
      Files.createLink(aside, absolute);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(absolute, aside, StandardCopyOption.COPY_ATTRIBUTES);
      try (FileChannel channel = FileChannel.open(aside, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    }
    syncDirectory(absolute.getParent());
    return aside;
  }

  private static Path asideName(Path absolute, Clock clock) {
    String base = absolute.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
    Path aside = absolute.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = absolute.resolveSibling(base + "-" + n);
    }
    return aside;
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
