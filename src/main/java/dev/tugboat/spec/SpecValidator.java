package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a loaded spec against every rule and returns the problems in the order they appear in the
 * file. Load-time problems (unknown keys, wrong types) come from {@link SpecLoader}, not from here.
 */
public final class SpecValidator implements ProblemSource {
  private static final Comparator<Problem> FILE_ORDER =
      Comparator.comparingInt((Problem p) -> p.position().line())
          .thenComparingInt(p -> p.position().column())
          .thenComparing(Problem::ruleId);

  private final List<ValidationRule> rules;

  public SpecValidator(List<ValidationRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** A validator with every rule Tugboat knows. */
  public SpecValidator() {
    this(standardRules());
  }

  public static List<ValidationRule> standardRules() {
    List<ValidationRule> rules = new ArrayList<>();
    rules.add(RequiredFieldsRule.rule());
    rules.addAll(TopLevelRules.all());
    rules.addAll(ContainerRules.all());
    rules.addAll(ClusterRules.all());
    rules.addAll(NoEffectRules.all());
    rules.addAll(HostAccessRules.all());
    rules.addAll(VolumeRules.all());
    rules.addAll(SupportRules.all());
    rules.addAll(BackupRules.all());
    rules.addAll(LogConfigRules.all());
    rules.addAll(HostVolumeRules.all());
    rules.addAll(TestProcRules.all());
    rules.add(SizeRule.rule());
    rules.addAll(EventRules.all());
    rules.addAll(GraphRules.all());
    rules.addAll(ConfigRules.all());
    rules.add(TemplateDelimiterRule.rule());
    rules.addAll(RequirementRules.all());
    return List.copyOf(rules);
  }

  /**
   * This validator without the rule {@code ruleId}: for callers that check the same thing more
   * thoroughly themselves (full template parsing supersedes {@code template-delimiters}).
   */
  public SpecValidator without(String ruleId) {
    return new SpecValidator(rules.stream().filter(rule -> !rule.id().equals(ruleId)).toList());
  }

  public List<ValidationRule> rules() {
    return rules;
  }

  public List<Problem> validate(AppSpec spec) {
    List<Problem> problems = new ArrayList<>();
    for (ValidationRule rule : rules) {
      Findings findings = new Findings(rule.id(), spec.sourceMap());
      rule.check(spec, findings);
      problems.addAll(findings.problems());
    }
    problems.sort(FILE_ORDER);
    return List.copyOf(problems);
  }

  @Override
  public List<Problem> problems(AppSpec spec) {
    return validate(spec);
  }
}
