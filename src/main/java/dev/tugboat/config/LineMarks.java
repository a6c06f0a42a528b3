package dev.tugboat.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of which lines show a secret that spans lines: a line's end (the secret's first
 * line), its start (the secret's last line), or all of it. Collects marks, then applies them at
 * once, so one secret's marks do not hide another's match. A line's CR (a CRLF line end) stays.
 */
final class LineMarks {

  private final int[] prefix;
  private final int[] suffix;
  private final boolean[] whole;

  LineMarks(int lines) {
    prefix = new int[lines];
    suffix = new int[lines];
    whole = new boolean[lines];
  }

  void prefix(int line, int length) {
    prefix[line] = Math.max(prefix[line], length);
  }

  void suffix(int line, int length) {
    suffix[line] = Math.max(suffix[line], length);
  }

  void whole(int line) {
    whole[line] = true;
  }

  /** The lines with every marked part replaced by {@link SecretMasker#MASK}. */
  List<String> apply(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String text = withoutCr(line);
      String cr = line.substring(text.length());
      out.add(masked(text, i) + cr);
    }
    return out;
  }

  private String masked(String text, int i) {
    if (whole[i] || prefix[i] + suffix[i] >= text.length() && prefix[i] + suffix[i] > 0) {
      return SecretMasker.MASK;
    }
    String start = prefix[i] > 0 ? SecretMasker.MASK : "";
    String end = suffix[i] > 0 ? SecretMasker.MASK : "";
    return start + text.substring(prefix[i], text.length() - suffix[i]) + end;
  }

  static String withoutCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
