package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files of a support bundle, bounded in size, written as a {@code .tar.gz} whose first file
 * is the index ({@code README.txt}) and whose last is {@code errors.txt} (what could not be made
 * or did not fit), when there is anything to say. Everything sits under one directory, so
 * unpacking it leaves one directory. Used by one thread.
 */
final class SupportArchive {

  static final String INDEX = "README.txt";
  static final String ERRORS = "errors.txt";

  /** One file: its path in the bundle, what it is, its bytes. */
  record Entry(String name, String description, byte[] bytes) {}

  private final long maxBytes;
  private final List<Entry> entries = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long used;

  SupportArchive(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Adds the file unless it would pass the bound; then it is left out and noted. */
  void add(String name, String description, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (used + bytes.length > maxBytes) {
      note(name, "left out: its " + bytes.length + " bytes would pass the bundle's bound of "
          + maxBytes + " bytes");
      return;
    }
    used += bytes.length;
    entries.add(new Entry(name, description, bytes));
  }

  /** Says why {@code name} is missing or incomplete. */
  void note(String name, String what) {
    notes.add(name + ": " + what);
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Writes the archive to {@code file}, under the directory {@code top}, stamped {@code made}. */
  void write(Path file, String top, String index, Instant made) throws IOException {
    // 0600: masked or not, what the app's containers wrote is for the operator and the vendor
    try (OutputStream raw = new BufferedOutputStream(
            Channels.newOutputStream(AtomicFiles.createForAppend(file)));
        GZIPOutputStream gzip = new GZIPOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, top + "/" + INDEX, index.getBytes(StandardCharsets.UTF_8), made);
      for (Entry entry : entries) {
        put(tar, top + "/" + entry.name(), entry.bytes(), made);
      }
      if (!notes.isEmpty()) {
        put(tar, top + "/" + ERRORS,
            (String.join("\n", notes) + "\n").getBytes(StandardCharsets.UTF_8), made);
      }
      tar.finish();
    }
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] bytes, Instant made)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    entry.setMode(0100644);
    entry.setModTime(Date.from(made));
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
