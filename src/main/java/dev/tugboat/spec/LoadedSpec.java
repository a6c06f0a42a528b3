package dev.tugboat.spec;

import java.util.List;

/**
 * A spec as loaded, with the problems found while loading (unknown keys, wrong value types), and
 * the text it was read from (what positions inside templates are counted in).
 */
public record LoadedSpec(AppSpec spec, List<Problem> problems, String text) {
  public LoadedSpec {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
