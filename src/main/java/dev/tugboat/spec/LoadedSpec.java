package dev.tugboat.spec;

import java.util.List;

/** A spec as loaded, with the problems found while loading (unknown keys, wrong value types). */
public record LoadedSpec(AppSpec spec, List<Problem> problems) {
  public LoadedSpec {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
