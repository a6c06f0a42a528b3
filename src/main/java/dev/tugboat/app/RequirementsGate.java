package dev.tugboat.app;

import dev.tugboat.orchestrator.PreflightException;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.requirements.PreflightReport;
import dev.tugboat.requirements.RequirementsPreflight;
import java.util.function.Consumer;

/**
 * The requirement checks as a step of a start's preflight: hands the report on (the status shows
 * it, {@code tugboat run} prints it) and refuses the start when a requirement is not met.
 */
final class RequirementsGate implements Runnable {
  private final RequirementsPreflight preflight;
  private final SpecInputs inputs;
  private final Consumer<PreflightReport> reports;

  RequirementsGate(RequirementsPreflight preflight, SpecInputs inputs,
      Consumer<PreflightReport> reports) {
    this.preflight = preflight;
    this.inputs = inputs;
    this.reports = reports;
  }

  @Override
  public void run() {
    PreflightReport report = preflight.check(inputs);
    reports.accept(report);
    if (report.hasErrors()) {
      throw new PreflightException(report.refusal());
    }
  }
}
