package dev.tugboat.spec;

import java.util.List;
import java.util.Map;

/**
 * A spec as loaded, with the problems found while loading (unknown keys, wrong value types), the
 * text it was read from (what positions inside templates are counted in), and the file as a plain
 * {@link SpecTree} (where the templates are collected from).
 */
public record LoadedSpec(AppSpec spec, List<Problem> problems, String text,
    Map<String, Object> tree) {
  public LoadedSpec {
    problems = List.copyOf(problems);
    tree = java.util.Collections.unmodifiableMap(tree);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
