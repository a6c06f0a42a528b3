package dev.tugboat.spec;

import java.util.List;

/**
 * {@code test-proc}: a config item's test procedure is one Tugboat can run, a {@code custom_command}
 * checked as a custom requirement's command and results are; Replicated's built-in tests
 * ({@code command: resolve_host}) ran in its own tooling, which Tugboat does not have.
 */
final class TestProcRules {
  static final String ID = "test-proc";

  private TestProcRules() {}

  static List<ValidationRule> all() {
    return List.of(ValidationRule.of(ID, TestProcRules::check));
  }

  static void check(AppSpec spec, Findings findings) {
    for (TestProcSpec proc : TestProcs.of(spec)) {
      if (proc.check().isPresent()) {
        RequirementRules.results(proc.check().get(), findings);
        CustomCommandRules.check(spec, proc.check().get(), "custom_command", findings);
      } else if (!proc.builtInCommand().isEmpty()) {
        findings.warning(proc.path() + ".command", "test_proc of config item " + proc.item()
            + " runs Replicated's built-in test " + proc.builtInCommand() + ", which Tugboat"
            + " does not have: the item cannot be tested; give a custom_command (id: scheduler,"
            + " naming a container of this spec whose image has the tools) and results");
      } else {
        findings.warning(proc.path(), "test_proc of config item " + proc.item() + " has no"
            + " custom_command: there is nothing to run; give one, with results");
      }
    }
  }
}
