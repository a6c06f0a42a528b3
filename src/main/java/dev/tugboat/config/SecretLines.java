package dev.tugboat.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a secret that holds a line break (a PEM key, a multi-line password), for text that
 * is split into lines before anyone masks it: a container's log lines, a run's last output. A line
 * of the secret with at least {@link #MIN_ALONE} non-blank characters is hidden wherever it shows,
 * so a secret split by a tail cut, interleaved with other output or re-indented does not show
 * either. A shorter line is hidden only where the lines around it show the secret too ({@link
 * #mark}): hiding every {@code }} or {@code OK} line in the logs would hide what an operator needs,
 * and such a line alone gives away at most three characters.
 */
final class SecretLines {

  /** The fewest non-blank characters a line of a secret needs to be hidden on its own. */
  static final int MIN_ALONE = 4;

  private final List<String> parts;

  private SecretLines(List<String> parts) {
    this.parts = parts;
  }

  /** The secret's lines, whether they end in LF or CRLF; a secret without a line break has one. */
  static SecretLines of(String secret) {
    return new SecretLines(List.of(secret.split("\r?\n", -1)));
  }

  boolean isMultiLine() {
    return parts.size() > 1;
  }

  /** The lines long enough to be hidden wherever they show, without their surrounding blanks. */
  List<String> alone() {
    List<String> alone = new ArrayList<>();
    for (String part : parts) {
      String stripped = part.strip();
      if (stripped.length() >= MIN_ALONE) {
        alone.add(stripped);
      }
    }
    return alone;
  }

  /**
   * Marks in {@code marks} the parts of {@code lines} that show this secret over several lines: a
   * run whose first line ends with the secret's first line, whose middle lines are the secret's and
   * whose last line starts with the secret's last line. At either end of {@code lines} (a tail cut
   * mid-secret), a run that shows two or more non-blank lines of the secret counts too.
   */
  void mark(List<String> lines, LineMarks marks) {
    int last = parts.size() - 1;
    for (int i = 0; i < lines.size(); i++) {
      int firstPart = i == 0 ? last - 1 : 0;
      for (int from = Math.min(firstPart, last - 1); from >= 0; from--) {
        int matched = matched(lines, i, from);
        boolean whole = from == 0 && matched == parts.size();
        boolean cut = nonBlank(from, matched) >= 2 && (from > 0 && i == 0
            || i + matched == lines.size());
        if (whole || cut) {
          markRun(lines, i, from, matched, marks);
        }
      }
    }
  }

  /** How many lines from {@code start} show the secret's parts from {@code from} on, in order. */
  private int matched(List<String> lines, int start, int from) {
    int count = 0;
    while (start + count < lines.size() && from + count < parts.size()
        && shows(lines.get(start + count), from + count)) {
      count++;
    }
    return count;
  }

  private int nonBlank(int from, int count) {
    return (int) parts.subList(from, from + count).stream().filter(p -> !p.isBlank()).count();
  }

  private boolean shows(String line, int part) {
    String text = LineMarks.withoutCr(line);
    String expected = parts.get(part);
    if (part == 0) {
      return text.endsWith(expected);
    } else if (part == parts.size() - 1) {
      return text.startsWith(expected);
    }
    return text.equals(expected);
  }

  private void markRun(List<String> lines, int start, int from, int count, LineMarks marks) {
    for (int k = 0; k < count; k++) {
      int part = from + k;
      String expected = parts.get(part);
      if (expected.isBlank()) {
        continue; // a blank line hides nothing
      }
      if (part == 0) {
        marks.suffix(start + k, expected.length());
      } else if (part == parts.size() - 1) {
        marks.prefix(start + k, expected.length());
      } else {
        marks.whole(start + k);
      }
    }
  }
}
