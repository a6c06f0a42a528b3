package dev.tugboat.requirements;

import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.spec.CustomRequirementSpec;
import dev.tugboat.spec.TestProcSpec;
import dev.tugboat.template.TemplateException;
import java.time.Clock;

/**
 * Runs a config item's test procedure ({@code test_proc}) with the values in {@code in}, as
 * Replicated's settings screen ran it: its {@code custom_command} as a custom requirement's
 * command runs (a {@code scheduler} check runs in a container of the spec's image, removed after),
 * and its {@code results} judge the outcome. Creates nothing that outlives it.
 */
public final class ConfigItemTest {
  private final ContainerRuntime runtime;
  private final Clock clock;

  public ConfigItemTest(ContainerRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.clock = clock;
  }

  /** The verdict and the vendor's message; an error when there is no custom_command to run. */
  public CheckResult run(TestProcSpec proc, SpecInputs in) {
    if (proc.check().isEmpty()) {
      return new CheckResult(proc.shownAs(), "config " + proc.item(), "", "", Verdict.ERROR,
          proc.builtInCommand().isEmpty() ? "the test has no custom_command to run"
              : "it runs Replicated's built-in test " + proc.builtInCommand()
                  + ", which Tugboat does not have");
    }
    CustomRequirementSpec check = proc.check().get();
    HostRequirementCommands commands = new HostRequirementCommands(in.spec(), in.registries(),
        new CheckContainer(runtime, clock, in.app()));
    try {
      CheckResult judged = CustomRequirementCheck.judge(check, commands.run(check, in.base()),
          in.base());
      return new CheckResult(proc.shownAs(), "config " + proc.item(), "", judged.measured(),
          judged.verdict(), judged.message());
    } catch (TemplateException e) {
      return new CheckResult(proc.shownAs(), "config " + proc.item(), "", "", Verdict.ERROR,
          e.getMessage());
    }
  }
}
