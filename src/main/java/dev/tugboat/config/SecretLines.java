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
   * whose last line starts with the secret's last line (indented or not). At either end of {@code lines} (a tail cut
   * mid-secret), a run that shows two or more non-blank lines of the secret counts too.
   */
  void mark(List<String> lines, LineMarks marks) {
    int last = parts.size() - 1;
    int end = lines.size();
    while (end > 0 && LineMarks.withoutCr(lines.get(end - 1)).isEmpty()) {
      end--; // a text that ends with a line break splits into an empty last line
    }
    for (int i = 0; i < lines.size(); i++) {
      int firstPart = i == 0 ? last - 1 : 0;
      for (int from = firstPart; from >= 0; from--) {
        int matched = matched(lines, i, from);
        boolean whole = from == 0 && matched == parts.size();
        boolean cut = nonBlank(from, matched) >= 2 && (from > 0 && i == 0
            || i + matched >= end);
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
    return shown(line, part) != null;
  }

  /**
   * Where in {@code line} the secret's line {@code part} shows, as {@code {start, end}}; null where
   * it does not. Its first line ends a line; its last starts one; a middle line is a whole line.
   * A text that indents what it quotes (a failure message quoting a container's last output)
   * still shows the lines after the first, so their indentation is not part of the match.
   */
  private int[] shown(String line, int part) {
    String text = LineMarks.withoutCr(line);
    String expected = parts.get(part);
    int indent = text.length() - text.stripLeading().length();
    if (part == 0) {
      return text.endsWith(expected)
          ? new int[] {text.length() - expected.length(), text.length()} : null;
    } else if (part == parts.size() - 1) {
      String start = expected.stripLeading();
      return text.startsWith(start, indent) ? new int[] {indent, indent + start.length()} : null;
    }
    String stripped = text.strip();
    return stripped.equals(expected.strip()) ? new int[] {indent, indent + stripped.length()} : null;
  }

  private void markRun(List<String> lines, int start, int from, int count, LineMarks marks) {
    for (int k = 0; k < count; k++) {
      int[] range = shown(lines.get(start + k), from + k);
      marks.mark(start + k, range[0], range[1]);
    }
  }
}
