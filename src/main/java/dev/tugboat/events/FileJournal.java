package dev.tugboat.events;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run's journal kept in one file, one JSON line per entry ({@link JournalCodec}). Each append is
 * one write to the file, so entries survive the daemon being killed; {@link #sync()} forces them to
 * the disk, so they survive a power loss too. Appends and {@link #sync()} come from the run's loop;
 * {@link #entries()} may be read from any thread.
 *
 * <p>Reopening repairs what a crash leaves behind (see {@link #reopen}) and reports it in {@link
 * #warnings()}, rather than refusing to start.
 */
public final class FileJournal implements Journal, AutoCloseable {

  private final Path file;
  private final FileChannel channel;
  private final JournalCodec codec;
  private final Consumer<JournalEntry> listener;
  private final List<String> warnings;
  private final List<JournalEntry> entries;
  private final Object writeLock = new Object();
  private long lastSequence;
  /** The file's length up to the end of its last whole line; writes go there. */
  private long wholeLength;
  /** A failed write left part of a line after {@link #wholeLength} that could not be cut off. */
  private boolean torn;
  private boolean closed;

  private FileJournal(Path file, FileChannel channel, long length, JournalCodec codec,
      List<JournalEntry> loaded, List<String> warnings, Consumer<JournalEntry> listener) {
    this.file = file;
    this.channel = channel;
    this.codec = codec;
    this.listener = listener;
    this.warnings = List.copyOf(warnings);
    this.entries = new ArrayList<>(loaded);
    this.lastSequence = loaded.isEmpty() ? Long.MIN_VALUE : loaded.get(loaded.size() - 1).sequence();
    this.wholeLength = length;
  }

  /** A new run's journal; fails if {@code file} exists. */
  public static FileJournal create(Path file, Consumer<JournalEntry> listener) throws IOException {
    return new FileJournal(file, AtomicFiles.createForAppend(file), 0, new JournalCodec(),
        List.of(), List.of(), listener);
  }

  /** A new journal writing through {@code channel}, an empty file's: for tests of failing disks. */
  static FileJournal over(Path file, FileChannel channel, Consumer<JournalEntry> listener) {
    return new FileJournal(file, channel, 0, new JournalCodec(), List.of(), List.of(), listener);
  }

  /**
   * An existing run's journal with its entries loaded, appending after the last good line. A torn
   * last line is cut off. A damaged line before the end means nothing after it can be trusted: the
   * whole file is kept as {@code <name>.corrupt-<time>} and the good lines before it are rewritten
   * in its place. Either is reported in {@link #warnings()}.
   *
   * @throws JournalFormatException a newer Tugboat wrote the file; it is left untouched
   */
  public static FileJournal reopen(Path file, Clock clock, Consumer<JournalEntry> listener)
      throws IOException {
    JournalCodec codec = new JournalCodec();
    JournalScan scan = JournalScan.of(file, codec);
    List<String> warnings = new ArrayList<>();
    if (scan.damage().isPresent()) {
      warnings.add(scan.warning().orElseThrow() + "; " + repair(file, scan, clock));
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    return new FileJournal(file, channel, channel.size(), codec, scan.entries(), warnings,
        listener);
  }

  private static String repair(Path file, JournalScan scan, Clock clock) throws IOException {
    JournalScan.Damage damage = scan.damage().orElseThrow();
    if (damage.lastLine()) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(scan.goodLength());
        channel.force(true);
      }
      return "the file is cut back to its last good line";
    }
    Path aside = AtomicFiles.copyAside(file, clock);
    AtomicFiles.writePrivate(file,
        ByteBuffer.wrap(Files.readAllBytes(file), 0, (int) scan.goodLength()));
    return "the whole file is kept as " + aside.getFileName()
        + " and the entries before line " + damage.line() + " are written back in its place";
  }

  /** What reopening found wrong and did about it; empty for a new or clean journal. */
  public List<String> warnings() {
    return warnings;
  }

  public Path file() {
    return file;
  }

  @Override
  public void append(JournalEntry entry) {
    synchronized (writeLock) {
      if (closed) {
        throw new IllegalStateException("journal " + file + " is closed");
      }
      if (lastSequence >= entry.sequence()) {
        throw new IllegalArgumentException(
            "journal sequence must grow: " + entry.sequence() + " after " + lastSequence);
      }
      write(ByteBuffer.wrap((codec.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
      lastSequence = entry.sequence();
      synchronized (entries) {
        entries.add(entry);
      }
    }
    listener.accept(entry);
  }

  /**
   * Writes one whole line after the last whole one. A failed write (a full disk) may leave part of
   * the line: followed by later ones it would read back as damage in the middle and cost every
   * entry after it, so it is cut off at once, or, if even that fails, before the next write.
   */
  private void write(ByteBuffer line) {
    try {
      if (torn) {
        channel.truncate(wholeLength);
        torn = false;
      }
      long at = wholeLength;
      while (line.hasRemaining()) {
        at += channel.write(line, at);
      }
      wholeLength = at;
    } catch (IOException e) {
      try {
        channel.truncate(wholeLength);
      } catch (IOException again) {
        torn = true;
        e.addSuppressed(again);
      }
      throw new UncheckedIOException("cannot write the journal at " + file + ": " + reason(e), e);
    }
  }

  /** The system's words ("No space left on device"), or the exception's name when it has none. */
  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Forces every appended entry to the disk (fdatasync: the file's length is part of its data). */
  @Override
  public void sync() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot sync the journal at " + file + ": " + reason(e), e);
      }
    }
  }

  @Override
  public List<JournalEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /** Syncs and closes the file; later appends fail. */
  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        channel.force(false);
      } finally {
        channel.close();
      }
    }
  }
}
