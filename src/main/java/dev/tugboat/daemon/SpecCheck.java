package dev.tugboat.daemon;

import dev.tugboat.config.TemplateProblems;
import dev.tugboat.config.TemplateReferenceProblems;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.ProblemSource;
import dev.tugboat.spec.SpecValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The checks of {@code tugboat validate}, shared with {@code tugboat apply} so a spec the daemon
 * accepts is one that validates: loading problems, the spec rules, and full template parsing.
 */
public final class SpecCheck {

  private SpecCheck() {}

  /**
   * The checks run on every loaded spec. Full template parsing reports an unclosed action itself,
   * so the spec validator's delimiter-only check would say the same thing twice.
   */
  public static List<ProblemSource> sources() {
    return List.of(new SpecValidator().without("template-delimiters"), new TemplateProblems(),
        new TemplateReferenceProblems());
  }

  /** Every problem of {@code loaded}, by position in the file. */
  public static List<Problem> problems(LoadedSpec loaded, List<ProblemSource> sources) {
    List<Problem> problems = new ArrayList<>(loaded.problems());
    for (ProblemSource source : sources) {
      problems.addAll(source.problems(loaded.spec()));
    }
    problems.sort(Comparator.comparingInt((Problem p) -> p.position().line())
        .thenComparingInt(p -> p.position().column()));
    return List.copyOf(problems);
  }
}
