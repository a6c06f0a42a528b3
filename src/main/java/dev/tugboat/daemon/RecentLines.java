package dev.tugboat.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The daemon's last log lines, kept in memory for a support bundle: journald may keep none (a
 * daemon run by hand, a container, a volatile journal), and the bundle should not depend on it. At
 * most {@code maxLines} lines and about {@code maxChars} characters; the oldest go first.
 * Thread-safe.
 */
final class RecentLines {

  private final int maxLines;
  private final long maxChars;
  private final Deque<String> lines = new ArrayDeque<>();
  private long chars;

  RecentLines(int maxLines, long maxChars) {
    if (maxLines < 1 || maxChars < 1) {
      throw new IllegalArgumentException("keep at least one line and one character");
    }
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    lines.addLast(line);
    chars += line.length();
    while (lines.size() > maxLines || (chars > maxChars && lines.size() > 1)) {
      chars -= lines.removeFirst().length();
    }
  }

  /** The lines kept, oldest first. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
