package dev.tugboat.app;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.config.SpecSecrets;
import dev.tugboat.license.LicenseFiles;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.LaunchCheck;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PlanException;
import dev.tugboat.orchestrator.Preflight;
import dev.tugboat.orchestrator.PreflightException;
import dev.tugboat.orchestrator.SpecInputs;
import dev.tugboat.orchestrator.SwarmFacts;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The steps from a spec file to a run that can start, shared by {@code tugboat run} and the daemon:
 * check the spec as {@code tugboat validate} does, gather config values, plan, render every
 * container once with the config values ({@link LaunchCheck}), and check Docker has what the plan
 * needs. Nothing is created, removed or pulled before all of that passed. Each failure says what
 * is wrong and carries the exit code the command line uses for it.
 */
public final class AppPreparer {

  /**
   * What a start is made of, as options or the daemon config give it. {@code pinnedSettings}: a
   * kept copy of the settings to read instead of {@code settingsFile}, saving nothing (the daemon's
   * runs, see {@link RunInputs}).
   */
  public record Options(Path specFile, Path settingsFile, List<String> sets, HostAddresses host,
      ImageRegistries registries, Clock clock, LicensedApp licensed,
      Optional<Path> pinnedSettings, SwarmSource swarm) {
    public Options {
      sets = List.copyOf(sets);
      Objects.requireNonNull(registries, "registries");
      Objects.requireNonNull(pinnedSettings, "pinnedSettings");
      Objects.requireNonNull(swarm, "swarm");
    }

    public Options(Path specFile, Path settingsFile, List<String> sets, HostAddresses host,
        ImageRegistries registries, Clock clock, LicensedApp licensed,
        Optional<Path> pinnedSettings) {
      this(specFile, settingsFile, sets, host, registries, clock, licensed, pinnedSettings,
          SwarmSource.none());
    }

    /** The same options, clustered components going to the swarm {@code source} finds. */
    public Options withSwarm(SwarmSource source) {
      return new Options(specFile, settingsFile, sets, host, registries, clock, licensed,
          pinnedSettings, source);
    }

    public Options(Path specFile, Path settingsFile, List<String> sets, HostAddresses host,
        ImageRegistries registries, Clock clock, LicensedApp licensed) {
      this(specFile, settingsFile, sets, host, registries, clock, licensed, Optional.empty());
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
          new SecretEnvLauncher(launcher, secrets));
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

  /**
   * Loads the spec with only its loading problems checked, for what reads it without running it
   * (the config screen); its warnings go to {@code problems}, one line each.
   */
  public static AppSpec loadSpec(Path specFile, Consumer<String> problems) throws PrepareException {
    LoadedSpec loaded = load(specFile);
    loaded.problems().stream().map(Problem::toText).forEach(problems);
    if (loaded.hasErrors()) {
      throw new PrepareException(specFile + " has errors; nothing was started", 2);
    }
    return loaded.spec();
  }

  /**
   * Loads the spec and checks it as {@code tugboat validate} does, for a start; its warnings go to
   * {@code warnings}, one line each, and its errors, one line each, are the exception's message.
   */
  public static CheckedSpec checkSpec(Path specFile, Consumer<String> warnings)
      throws PrepareException {
    CheckedSpec checked = SpecCheck.check(load(specFile));
    checked.warningLines().forEach(warnings);
    if (checked.hasErrors()) {
      throw new PrepareException(refusal(specFile.toString(), checked.errorLines()), 2);
    }
    return checked;
  }

  private static LoadedSpec load(Path specFile) throws PrepareException {
    try {
      return new SpecLoader().load(specFile);
    } catch (SpecLoadException e) {
      throw new PrepareException(e.getMessage(), 2);
    }
  }

  /** {@code what} has these errors, each a line of its own, and nothing started. */
  static String refusal(String what, List<String> errorLines) {
    return what + " has " + errorLines.size() + (errorLines.size() == 1 ? " error" : " errors")
        + "; nothing was started:\n" + String.join("\n", errorLines);
  }

  /** Config values, plan, launch check and launcher; then the preflight against {@code runtime}. */
  public static Prepared prepare(CheckedSpec checked, Options options, ContainerRuntime runtime)
      throws PrepareException {
    return prepare(checked, options, runtime, report -> { });
  }

  /** As above, handing {@code reports} the requirement checks' report, whatever its verdict. */
  public static Prepared prepare(CheckedSpec checked, Options options, ContainerRuntime runtime,
      Consumer<PreflightReport> reports) throws PrepareException {
    Prepared prepared = plan(checked, options);
    preflight(checked, prepared, options.registries(), options.clock(), runtime, reports);
    return prepared;
  }

  /**
   * The preflight of a planned start against {@code runtime} (the engine answers, every image is
   * here or pulled, host and custom requirements are met, host ports are free): the part of a
   * start's preparation that asks Docker, so it can take long.
   */
  public static void preflight(CheckedSpec checked, Prepared prepared,
      ImageRegistries registries, Clock clock, ContainerRuntime runtime,
      Consumer<PreflightReport> reports) throws PrepareException {
    try {
      new Preflight(runtime, new SystemHostPorts(runtime, HostInterfaces.ofThisMachine()),
          registries,
          new RequirementsGate(RequirementsPreflight.ofThisMachine(runtime, clock),
              prepared.inputs(), report -> reports.accept(report.masked(prepared.masker()::mask))))
          .check(SpecNeeds.of(prepared.inputs(), new ContainerKeys(checked.spec()),
              prepared.plan(), prepared.launcher()));
    } catch (PreflightException | RuntimeFailure e) {
      throw new PrepareException(prepared.masker().mask(e.getMessage()), 1);
    }
  }

  /**
   * Config values, plan, launch check and launcher, without the preflight: for a run that is
   * already under way (resumed after a restart of the daemon), whose own containers hold its ports
   * and which the preflight's clean-up of earlier runs would remove.
   */
  public static Prepared plan(CheckedSpec checked, Options options) throws PrepareException {
    AppSpec spec = checked.spec();
    RunInputs.Prepared prepared;
    try {
      prepared = RunInputs.of(spec, checked.templates(), options.specFile(),
          options.settingsFile(), options.pinnedSettings(), options.sets(), options.host(), options.registries().addresses(),
          options.clock(), options.licensed());
    } catch (RunInputs.InputException e) {
      throw new PrepareException(e.getMessage(), 2);
    }
    SpecInputs in;
    try {
      in = prepared.inputs().withSwarm(SwarmSource.mayCluster(spec) ? options.swarm().find()
          : SwarmFacts.none());
    } catch (RuntimeFailure e) {
      throw new PrepareException("cannot ask the Docker Engine whether it manages a swarm, which "
          + "the spec's clustered components run on: " + e.getMessage(), 1);
    }
    SecretMasker masker = SpecSecrets.masker(spec, prepared.values(), in.base());
    ContainerKeys keys = new ContainerKeys(spec);
    StartPlan plan;
    try {
      plan = SpecPlans.plan(in, keys);
    } catch (PlanException e) {
      throw new PrepareException(masker.mask(refusal(spec.sourceMap().file(),
          List.of(LaunchProblems.ofPlan(checked, e).toText()))), 2);
    }
    List<String> failures = LaunchCheck.failures(in, keys, plan).stream()
        .map(failure -> LaunchProblems.of(checked, failure.error()))
        .sorted(Comparator.comparingInt((Problem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column()))
        .map(Problem::toText)
        .toList();
    if (!failures.isEmpty()) {
      throw new PrepareException(masker.mask(refusal(spec.sourceMap().file(), failures)), 2);
    }
    Launcher launcher = new SpecLauncher(in, keys, plan, TcpConnector.sockets());
    return new Prepared(spec, in, masker, plan, launcher);
  }
}
