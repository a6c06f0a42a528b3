package dev.tugboat.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a journal file holds: its readable entries up to the first damaged line, the length in bytes
 * of that good prefix, and the damage if any. Reading never changes the file.
 */
record JournalScan(Path file, List<JournalEntry> entries, long goodLength, Optional<Damage> damage) {

  JournalScan {
    entries = List.copyOf(entries);
  }

  /**
   * The first line that could not be read. {@code lastLine}: nothing follows it, as when the
   * daemon died or the power went mid-write; otherwise entries after it are lost with it.
   */
  record Damage(int line, String reason, boolean lastLine) {}

  static JournalScan of(Path file, JournalCodec codec) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<JournalEntry> entries = new ArrayList<>();
    int start = 0;
    int line = 1;
    while (start < bytes.length) {
      int end = indexOfNewline(bytes, start);
      if (end < 0) {
        return damaged(file, entries, start, new Damage(line, "no newline at the end", true));
      }
      boolean last = end == bytes.length - 1;
      try {
        JournalEntry entry = codec.decode(utf8(bytes, start, end));
        if (!entries.isEmpty() && entries.get(entries.size() - 1).sequence() >= entry.sequence()) {
          throw new JournalCodec.UnreadableLine("sequence " + entry.sequence() + " after "
              + entries.get(entries.size() - 1).sequence(), false);
        }
        entries.add(entry);
      } catch (JournalCodec.UnreadableLine e) {
        if (e.newerFormat()) {
          throw new JournalFormatException(file + ":" + line + ": " + e.getMessage()
              + "; a newer Tugboat wrote this journal: upgrade Tugboat to read it, or move the file"
              + " out of " + file.getParent() + " to start without it");
        }
        return damaged(file, entries, start, new Damage(line, e.getMessage(), last));
      }
      start = end + 1;
      line++;
    }
    return new JournalScan(file, entries, bytes.length, Optional.empty());
  }

  private static JournalScan damaged(Path file, List<JournalEntry> entries, int goodLength,
      Damage damage) {
    return new JournalScan(file, entries, goodLength, Optional.of(damage));
  }

  private static int indexOfNewline(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String utf8(byte[] bytes, int start, int end) throws JournalCodec.UnreadableLine {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JournalCodec.UnreadableLine("not UTF-8 text", false);
    }
  }

  /** What was found wrong, for a read that leaves the file alone; empty when nothing was. */
  Optional<String> warning() {
    return damage.map(d -> file + ":" + d.line() + ": " + d.reason() + ": "
        + (d.lastLine() ? "a torn last line, left out" : "unreadable, so it and every line after it"
            + " are left out")
        + " (" + entries.size() + " " + (entries.size() == 1 ? "entry" : "entries") + " read)");
  }
}
