package dev.tugboat.app;

import dev.tugboat.config.ConfigReferenceProblems;
import dev.tugboat.config.SpecTemplateSet;
import dev.tugboat.config.TemplateProblems;
import dev.tugboat.config.TemplateReferenceProblems;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecValidator;
import dev.tugboat.template.ParsedTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The checks of {@code tugboat validate}, shared with {@code run}, every start of the daemon and
 * {@code apply}, so a spec Tugboat runs is one that validates: loading problems, the spec rules,
 * full template parsing, and the config items templates name.
 */
public final class SpecCheck {

  private SpecCheck() {}

  /**
   * Every problem of {@code loaded}, by position in the file, and its parsed templates. Full
   * template parsing reports an unclosed action itself, so the spec validator's delimiter-only
   * check would say the same thing twice.
   */
  public static CheckedSpec check(LoadedSpec loaded) {
    ParsedTemplates templates = SpecTemplateSet.parse(loaded.spec(), loaded.tree());
    List<Problem> problems = new ArrayList<>(loaded.problems());
    problems.addAll(new SpecValidator().without("template-delimiters").problems(loaded.spec()));
    problems.addAll(TemplateProblems.problems(loaded.spec().sourceMap(), loaded.text(), templates));
    problems.addAll(ConfigReferenceProblems.problems(loaded.spec(), loaded.text(), templates));
    problems.addAll(new TemplateReferenceProblems().problems(loaded.spec()));
    problems.sort(Comparator.comparingInt((Problem p) -> p.position().line())
        .thenComparingInt(p -> p.position().column()));
    return new CheckedSpec(loaded.spec(), loaded.text(), templates, problems);
  }
}
