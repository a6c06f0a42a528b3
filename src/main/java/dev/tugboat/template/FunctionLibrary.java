package dev.tugboat.template;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  /** Every name and its lower-case form, for suggestions. */
  private final Map<String, String> lowerCaseNames;

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
    Map<String, String> lower = new HashMap<>();
    byName.keySet().forEach(n -> lower.put(n, n.toLowerCase(Locale.ROOT)));
    this.lowerCaseNames = Map.copyOf(lower);
  }

  /** Go's builtins and Replicated's functions; immutable, so one instance serves every template. */
  static FunctionLibrary standard() {
    return STANDARD;
  }

  /** Every function name; docs/compatibility.md lists each. */
  Set<String> names() {
    return byName.keySet();
  }

  Optional<TemplateFunction> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The closest known name to a mistyped one, if any is close enough to be what was meant. */
  Optional<String> suggest(String name) {
    int allowed = Math.max(1, Math.min(3, name.length() / 4));
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = allowed + 1;
    for (Map.Entry<String, String> candidate : lowerCaseNames.entrySet()) {
      String other = candidate.getValue();
      if (Math.abs(other.length() - lower.length()) > allowed) {
        continue;
      }
      int d = distance(lower, other);
      String original = candidate.getKey();
      if (d < bestDistance || (d == bestDistance && best != null && original.compareTo(best) < 0)) {
        best = original;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours costs one. */
  private static int distance(String a, String b) {
    int[] previous2 = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, previous2[j - 2] + 1);
        }
        current[j] = d;
      }
      int[] recycled = previous2;
      previous2 = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
