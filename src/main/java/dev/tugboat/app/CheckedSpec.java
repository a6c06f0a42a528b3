package dev.tugboat.app;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.template.ParsedTemplates;
import java.util.List;

/**
 * A spec checked as {@code tugboat validate} checks it: its records, the text it was read from,
 * its templates parsed once (the trees a run renders from), and every problem in file order.
 */
public record CheckedSpec(AppSpec spec, String text, ParsedTemplates templates,
    List<Problem> problems) {

  public CheckedSpec {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<String> errorLines() {
    return problems.stream().filter(Problem::isError).map(Problem::toText).toList();
  }

  public List<String> warningLines() {
    return problems.stream().filter(p -> !p.isError()).map(Problem::toText).toList();
  }
}
