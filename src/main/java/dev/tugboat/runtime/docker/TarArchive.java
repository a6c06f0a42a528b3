package dev.tugboat.runtime.docker;

import dev.tugboat.runtime.FileToCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs files into the tar archive the engine's copy endpoint takes, with each file's mode and
 * numeric owner. Only file entries: a directory entry for a parent would reset that directory's
 * mode and owner in the container (e.g. /tmp's 1777); the engine creates missing parents itself.
 */
final class TarArchive {
  private TarArchive() {}

  /** Paths in the archive are relative to {@code /}, where it is unpacked. */
  static byte[] of(List<FileToCopy> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (FileToCopy file : files) {
        byte[] content = file.content();
        TarArchiveEntry entry = new TarArchiveEntry(file.path().substring(1));
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | file.mode());
        entry.setUserId(file.uid());
        entry.setGroupId(file.gid());
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack files into a tar archive in memory", e);
    }
    return bytes.toByteArray();
  }
}
