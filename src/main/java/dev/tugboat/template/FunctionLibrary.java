package dev.tugboat.template;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The functions templates may call, by name: Go's builtins and Replicated's library. */
final class FunctionLibrary {
  private static final FunctionLibrary STANDARD =
      new FunctionLibrary(
          List.of(
              Builtins.all(),
              ConfigFunctions.all(),
              NodeFunctions.all(),
              StringFunctions.all(),
              NumberFunctions.all(),
              TimeFunctions.all()));

  private final Map<String, TemplateFunction> byName;

  private FunctionLibrary(List<List<TemplateFunction>> groups) {
    Map<String, TemplateFunction> map = new HashMap<>();
    for (List<TemplateFunction> group : groups) {
      for (TemplateFunction f : group) {
        if (map.put(f.name(), f) != null) {
          throw new IllegalStateException("function defined twice: " + f.name());
        }
      }
    }
    this.byName = Map.copyOf(map);
  }

  /** Go's builtins and Replicated's functions; immutable, so one instance serves every template. */
  static FunctionLibrary standard() {
    return STANDARD;
  }

  Optional<TemplateFunction> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The closest known name to a mistyped one, if any is close enough to be what was meant. */
  Optional<String> suggest(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : byName.keySet()) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, name.length() / 4));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours costs one. */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return Integer.MAX_VALUE;
    }
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
