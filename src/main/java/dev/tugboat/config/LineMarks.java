package dev.tugboat.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which characters of which lines show a secret that spans lines. Collects marks, then applies them
 * at once, so one secret's marks do not hide another's match; each run of marked characters becomes
 * one {@link SecretMasker#MASK}. A line's CR (a CRLF line end) stays.
 */
final class LineMarks {

  private final BitSet[] marked;

  LineMarks(int lines) {
    marked = new BitSet[lines];
  }

  /** Marks the characters from {@code start} (inclusive) to {@code end} (exclusive) of a line. */
  void mark(int line, int start, int end) {
    if (start < end) {
      if (marked[line] == null) {
        marked[line] = new BitSet();
      }
      marked[line].set(start, end);
    }
  }

  /** The lines with every marked run of characters replaced by {@link SecretMasker#MASK}. */
  List<String> apply(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      out.add(marked[i] == null ? lines.get(i) : masked(lines.get(i), marked[i]));
    }
    return out;
  }

  private static String masked(String line, BitSet marks) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      if (marks.get(i)) {
        out.append(SecretMasker.MASK);
        i = marks.nextClearBit(i);
      } else {
        out.append(line.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** The line without the CR of a CRLF line end that was split at the LF. */
  static String withoutCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
