package dev.tugboat.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a file so that a crash leaves either the old contents or the new ones, never a mix: a
 * temporary file in the same directory (created 0600, since these files hold secrets), fsync, rename
 * over the target, then fsync of the directory so the rename itself survives a power loss. Used for
 * the settings, the CA, the daemon's API token, the spec copies and the run history.
 */
public final class AtomicFiles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code contents}, mode 0600, making its directory if needed, mode
   * 0700: it holds secrets, and the daemon refuses a state directory others can reach.
   */
  public static void writePrivate(Path target, String contents) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(contents.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(directory);
  }

  /**
   * Renames a damaged file to {@code <name>.corrupt-<time>} beside it (UTC, {@code
   * 20261122-044500}; {@code -2}, {@code -3}... when that name is taken), so its contents stay for
   * the operator while the program starts without it. Returns the new path.
   */
  public static Path setAside(Path file, Clock clock) throws IOException {
    Path absolute = file.toAbsolutePath();
    String base = absolute.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
    Path aside = absolute.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = absolute.resolveSibling(base + "-" + n);
    }
    Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(absolute.getParent());
    return aside;
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }
}
