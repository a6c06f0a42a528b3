package dev.tugboat.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A container's last lines, at most {@link Limits#lines()} of them and {@link Limits#bytes()}
 * bytes in UTF-8 (a newline counted per line); {@code cut} when older output was left out for the
 * bytes bound (the lines bound is what was asked, not a cut). A single line longer than the bytes
 * bound keeps its end.
 */
public record LogTail(List<String> lines, boolean cut) {

  public LogTail {
    lines = List.copyOf(lines);
  }

  /** How much of a container's output to keep. */
  public record Limits(int lines, int bytes) {
    public Limits {
      if (lines < 1 || bytes < 1) {
        throw new IllegalArgumentException("a log tail keeps at least one line and one byte, not "
            + lines + " lines and " + bytes + " bytes");
      }
    }
  }

  /** The last lines of {@code all} within {@code limits}. */
  public static LogTail of(List<String> all, Limits limits) {
    Deque<String> kept = new ArrayDeque<>();
    long bytes = 0;
    boolean cut = false;
    for (int i = all.size() - 1; i >= 0 && kept.size() < limits.lines(); i--) {
      String line = all.get(i);
      int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes + size > limits.bytes()) {
        cut = true;
        if (kept.isEmpty()) {
          kept.addFirst(endOf(line, limits.bytes() - 1));
        }
        break;
      }
      kept.addFirst(line);
      bytes += size;
    }
    return new LogTail(List.copyOf(kept), cut);
  }

  private static String endOf(String line, int bytes) {
    int from = line.length();
    int size = 0;
    while (from > 0) {
      int cp = line.codePointBefore(from);
      int cpBytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (size + cpBytes > bytes) {
        break;
      }
      size += cpBytes;
      from -= Character.charCount(cp);
    }
    return line.substring(from);
  }
}
