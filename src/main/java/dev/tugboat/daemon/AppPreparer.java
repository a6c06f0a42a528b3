package dev.tugboat.daemon;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.config.SpecSecrets;
import dev.tugboat.license.LicenseFiles;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PlanException;
import dev.tugboat.orchestrator.Preflight;
import dev.tugboat.orchestrator.PreflightException;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.orchestrator.SpecLauncher;
import dev.tugboat.orchestrator.SpecNeeds;
import dev.tugboat.orchestrator.SpecPlans;
import dev.tugboat.orchestrator.StartPlan;
import dev.tugboat.orchestrator.SystemHostPorts;
import dev.tugboat.requirements.PreflightReport;
import dev.tugboat.requirements.RequirementsPreflight;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.HostInterfaces;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.LoadedSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoadException;
import dev.tugboat.spec.SpecLoader;
import dev.tugboat.trigger.TcpConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The steps from a spec file to a run that can start, shared by {@code tugboat run} and the daemon:
 * load and validate the spec, gather config values, plan, and check Docker has what the plan needs.
 * Each failure says what is wrong and carries the exit code the command line uses for it.
 */
public final class AppPreparer {

  /** What a start is made of, as options or the daemon config give it. */
  public record Options(Path specFile, Path settingsFile, List<String> sets, HostAddresses host,
      ImageRegistries registries, Clock clock, LicensedApp licensed) {
    public Options {
      sets = List.copyOf(sets);
      Objects.requireNonNull(registries, "registries");
    }

    /** Without a license: the license's template functions say how to give one. */
    public Options(Path specFile, Path settingsFile, List<String> sets, HostAddresses host,
        ImageRegistries registries, Clock clock) {
      this(specFile, settingsFile, sets, host, registries, clock,
          LicensedApp.none(LicenseFiles.ADVICE, Releases.none()));
    }
  }

  /** Everything a {@link dev.tugboat.orchestrator.Run} needs besides threads and the journal. */
  public record Prepared(AppSpec spec, SpecInputs inputs, SecretMasker masker, StartPlan plan,
      Launcher launcher) {

    /**
     * This start, handing {@code secrets} each value of an env var excluded from support as it
     * renders for a container: the masker cannot know one that needs a run-time fact before then.
     */
    public Prepared reportingSecrets(Consumer<List<String>> secrets) {
      return new Prepared(spec, inputs, masker, plan,
          new SecretEnvLauncher(launcher, new ContainerKeys(spec), secrets));
    }
  }

  /** A start refused before anything ran: {@code exitCode} 2 for wrong input, 1 for the host. */
  public static final class PrepareException extends Exception {
    private final int exitCode;

    PrepareException(String message, int exitCode) {
      super(message, null, false, false);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private AppPreparer() {}

  /** Loads the spec; its problems (warnings too) go to {@code problems}, one line each. */
  public static AppSpec loadSpec(Path specFile, Consumer<String> problems) throws PrepareException {
    LoadedSpec loaded;
    try {
      loaded = new SpecLoader().load(specFile);
    } catch (SpecLoadException e) {
      throw new PrepareException(e.getMessage(), 2);
    }
    loaded.problems().stream().map(Problem::toText).forEach(problems);
    if (loaded.hasErrors()) {
      throw new PrepareException(specFile + " has errors; nothing was started", 2);
    }
    return loaded.spec();
  }

  /** Config values, plan and launcher; then the preflight against {@code runtime}. */
  public static Prepared prepare(AppSpec spec, Options options, ContainerRuntime runtime)
      throws PrepareException {
    return prepare(spec, options, runtime, report -> {});
  }

  /** As above, handing {@code reports} the requirement checks' report, whatever its verdict. */
  public static Prepared prepare(AppSpec spec, Options options, ContainerRuntime runtime,
      Consumer<PreflightReport> reports) throws PrepareException {
    Prepared prepared = plan(spec, options);
    try {
      new Preflight(runtime, new SystemHostPorts(runtime, HostInterfaces.ofThisMachine()),
          options.registries(),
          new RequirementsGate(RequirementsPreflight.ofThisMachine(runtime, options.clock()),
              prepared.inputs(), reports))
          .check(SpecNeeds.of(prepared.inputs(), new ContainerKeys(spec), prepared.plan(),
              prepared.launcher()));
    } catch (PreflightException | RuntimeFailure e) {
      throw new PrepareException(prepared.masker().mask(e.getMessage()), 1);
    }
    return prepared;
  }

  /**
   * Config values, plan and launcher, without the preflight: for a run that is already under way
   * (resumed after a restart of the daemon), whose own containers hold its ports and which the
   * preflight's clean-up of earlier runs would remove.
   */
  public static Prepared plan(AppSpec spec, Options options) throws PrepareException {
    RunInputs.Prepared prepared;
    try {
      prepared = RunInputs.of(spec, options.specFile(), options.settingsFile(), options.sets(),
          options.host(), options.registries().addresses(), options.clock(), options.licensed());
    } catch (RunInputs.InputException e) {
      throw new PrepareException(e.getMessage(), 2);
    }
    SpecInputs in = prepared.inputs();
    SecretMasker masker = SpecSecrets.masker(spec, prepared.values(), in.base());
    ContainerKeys keys = new ContainerKeys(spec);
    StartPlan plan;
    try {
      plan = SpecPlans.plan(in, keys);
    } catch (PlanException e) {
      throw new PrepareException(options.specFile() + ": " + masker.mask(e.getMessage()), 2);
    }
    Launcher launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());
    return new Prepared(spec, in, masker, plan, launcher);
  }
}
