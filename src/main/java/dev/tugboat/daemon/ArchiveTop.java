package dev.tugboat.daemon;

import dev.tugboat.runtime.VolumeArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The owner and mode of a snapshot archive's top directory, read from its first entry: what the
 * manifest shows, so an operator sees the data's top directory is kept as it was (the archive
 * keeps every other file's too).
 */
record ArchiveTop(String owner, String mode) {

  static ArchiveTop of(Path gzippedTar) throws IOException {
    try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(gzippedTar));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry = tar.getNextEntry();
      if (entry == null || !entry.getName().replaceAll("/$", "").equals(VolumeArchive.ROOT)) {
        throw new IOException(gzippedTar + " does not begin with the data's top directory "
            + VolumeArchive.ROOT + "/ (found " + (entry == null ? "no entry" : entry.getName())
            + ")");
      }
      return new ArchiveTop(entry.getLongUserId() + ":" + entry.getLongGroupId(),
          String.format("%04o", entry.getMode() & 07777));
    }
  }
}
