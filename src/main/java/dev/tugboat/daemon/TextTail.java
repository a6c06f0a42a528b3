package dev.tugboat.daemon;

import dev.tugboat.runtime.LogTail;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The end of a text file, read without reading the whole file: a journal may be large. */
final class TextTail {

  private TextTail() {}

  /** The lines of the last {@code bytes} bytes of {@code file} (a first line cut short dropped). */
  static List<String> lines(Path file, int bytes) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long from = Math.max(0, length - bytes);
      byte[] read = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(read);
      List<String> lines = new ArrayList<>(Arrays.asList(
          new String(read, StandardCharsets.UTF_8).split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      if (from > 0 && !lines.isEmpty()) {
        lines.remove(0);
      }
      return lines;
    }
  }

  /** The tail's lines after a first line that says older ones were left out. */
  static List<String> marked(LogTail tail) {
    List<String> lines = new ArrayList<>();
    lines.add("[older lines left out: the bundle keeps at most this much]");
    lines.addAll(tail.lines());
    return lines;
  }
}
