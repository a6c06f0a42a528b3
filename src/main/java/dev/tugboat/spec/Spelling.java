package dev.tugboat.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions: the closest candidate within a small edit distance. */
public final class Spelling {
  private Spelling() {}

  /** The candidate closest to {@code word}, when at most a third of its letters (min 1, max 3) differ. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    return candidates.stream()
        .filter(c -> !c.equals(word))
        .map(c -> new Scored(c, distance(word, c)))
        .filter(s -> s.distance <= allowed)
        .min(Comparator.comparingInt((Scored s) -> s.distance).thenComparing(s -> s.candidate))
        .map(s -> s.candidate);
  }

  private record Scored(String candidate, int distance) {}

  /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
