package dev.tugboat.requirements;

import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.spec.CustomRequirementSpec;
import dev.tugboat.spec.HostRequirementsSpec;
import dev.tugboat.spec.Requirements;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The requirement checks of a spec: measures the host once, judges the app's and each component's
 * {@code host_requirements} and the free space of each {@code host_volumes} entry's
 * {@code min_disk_space}, then runs each {@code custom_requirements} command whose {@code when}
 * holds and judges it. Creates nothing that outlives it (a check's container is removed). A spec
 * without requirements gives an empty report without asking the engine anything.
 */
public final class RequirementsPreflight {
  private final ContainerRuntime runtime;
  private final HostMeasurer measurer;
  private final Clock clock;
  private final HostVolumeSpaceCheck.FreeSpace freeSpace;

  public RequirementsPreflight(ContainerRuntime runtime, HostMeasurer measurer, Clock clock) {
    this(runtime, measurer, clock, HostVolumeSpaceCheck::ofThisMachine);
  }

  RequirementsPreflight(ContainerRuntime runtime, HostMeasurer measurer, Clock clock,
      HostVolumeSpaceCheck.FreeSpace freeSpace) {
    this.runtime = runtime;
    this.measurer = measurer;
    this.clock = clock;
    this.freeSpace = freeSpace;
  }

  public static RequirementsPreflight ofThisMachine(ContainerRuntime runtime, Clock clock) {
    return new RequirementsPreflight(runtime, HostMeasurer.ofThisMachine(runtime), clock);
  }

  /** Checks the spec of {@code in} with its config values. */
  public PreflightReport check(SpecInputs in) {
    List<CheckResult> checks = new ArrayList<>();
    List<HostRequirementsSpec> host = Requirements.host(in.spec());
    if (!host.isEmpty()) {
      HostMeasurements measured = measurer.measure();
      host.forEach(req -> checks.addAll(HostRequirementCheck.check(req, measured)));
    }
    checks.addAll(HostVolumeSpaceCheck.check(in.spec(), in.base(), freeSpace));
    HostRequirementCommands commands = new HostRequirementCommands(in.spec(), in.registries(),
        new CheckContainer(runtime, clock, in.app()));
    for (CustomRequirementSpec req : Requirements.custom(in.spec())) {
      checks.add(custom(req, commands, in.base()));
    }
    return new PreflightReport(clock.instant(), checks);
  }

  private static CheckResult custom(CustomRequirementSpec req, HostRequirementCommands commands,
      TemplateEnvironment env) {
    try {
      if (!CustomRequirementCheck.applies(req, env)) {
        return CustomRequirementCheck.skipped(req);
      }
      return CustomRequirementCheck.judge(req, commands.run(req, env), env);
    } catch (TemplateException e) {
      return new CheckResult(req.id(), "custom", "", "", Verdict.ERROR, e.getMessage());
    }
  }
}
