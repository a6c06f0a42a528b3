package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunInputDigests;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import dev.tugboat.orchestrator.AppData;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The blocking parts of the controller's calls: loading the spec, preparing a start, reading a
 * container's logs (admin commands are {@link AdminCommands}). Failures are {@link AppRefusal}s that say what
 * to do.
 */
final class AppActions {

  /**
   * A prepared start, the secrets it knows, and the kept spec and settings it runs with (absent for
   * a run resumed from a journal that does not record them).
   */
  record Started(AppPreparer.Prepared prepared, List<String> secrets,
      Optional<RunInputDigests> inputs) {}

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final SpecStore specs;
  private final java.util.function.Supplier<LicensedApp> licensed;
  private final PreflightReports preflights = new PreflightReports();
  private final VolumeArchive volumes;
  private RunInputPins pins;

  AppActions(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs) {
    this(setup, runtime, specs, () -> LicensedApp.none(LicenseDesk.ADVICE, Releases.none()));
  }

  /** {@code licensed}: the license and releases a start renders with, read at each start. */
  AppActions(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs,
      java.util.function.Supplier<LicensedApp> licensed) {
    this(setup, runtime, specs, licensed, new UnavailableVolumes());
  }

  /** {@code volumes}: what tells which host paths are data a snapshot can keep. */
  AppActions(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs,
      java.util.function.Supplier<LicensedApp> licensed, VolumeArchive volumes) {
    this.setup = setup;
    this.runtime = runtime;
    this.specs = specs;
    this.licensed = licensed;
    this.volumes = volumes;
  }

  /** Made at first use: logs and admin commands need no state directory. */
  private synchronized RunInputPins pins() {
    if (pins == null) {
      pins = new RunInputPins(specs.files(), setup.daemon().settingsFile(), specs,
          new RunJournals(setup.daemon().stateDir(), setup.clock(), setup.log()), setup.log());
    }
    return pins;
  }

  /** The license and releases a start renders with now. */
  LicensedApp licensed() {
    return licensed.get();
  }

  /** The requirement checks of starts and of {@code GET /api/v1/preflight}. */
  PreflightService preflight() {
    return new PreflightService(setup, runtime, specs, preflights, this);
  }

  /** The last preflight's report, as the status shows it. */
  Object lastPreflight() {
    return preflights.last();
  }

  /** The spec in use: the last one applied, else the daemon config's {@code app}. */
  AppSpec loadSpec() {
    Path file = specs.current().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT,
        "no app is configured: set 'app' in the daemon config to the app spec's path"));
    try {
      return AppPreparer.loadSpec(file, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
    }
  }

  /** The name of the app in the spec in use; empty when there is none or it does not load. */
  Optional<String> appName() {
    try {
      return Optional.of(loadSpec().name());
    } catch (AppRefusal e) {
      return Optional.empty();
    }
  }

  /**
   * The spec in use checked as {@code tugboat validate} checks it, for a start: its warnings are
   * logged; its errors refuse the start (400), each a {@code file:line:column} line.
   */
  CheckedSpec checkSpec() {
    Path file = specs.current().orElseThrow(() -> new AppRefusal(AppRefusal.Reason.CONFLICT,
        "no app is configured: set 'app' in the daemon config to the app spec's path"));
    try {
      return AppPreparer.checkSpec(file, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.INVALID, e.getMessage());
    }
  }

  /**
   * Plans a start from kept copies of the spec and of the settings as they are now (see {@link
   * RunInputPins}): config values, plan, every container rendered; nothing asks Docker, so a
   * refusal comes at once. With an Integration API address, every container gets it in its env.
   * {@link #preflight} is the rest of the preparation.
   */
  Started plan(CheckedSpec spec, Optional<Function<String, String>> integrationUrl) {
    // Read first: values a value_cmd generates are saved, so the kept copy has them.
    AppConfig.Read read = setup.appConfig().read(spec.spec());
    RunInputPins.Pinned pinned;
    try {
      pinned = pins().pin(spec.text());
    } catch (IOException e) {
      throw StateDirRefusal.logged(setup.log(), "cannot keep the spec and settings of the run in "
          + setup.daemon().stateDir() + ": " + e);
    }
    return prepare(spec, read, pinned.spec(), Optional.of(pinned.settings()),
        Optional.of(pinned.digests()), integrationUrl, false);
  }

  /**
   * The data {@code spec}'s containers mount, rendered with the settings in use as a start would
   * render them, less what is not data ({@link DataChoice}), and what the spec leaves out of
   * snapshots; nothing is kept.
   */
  AppData.Found data(CheckedSpec spec) {
    Path file = specs.current().orElseThrow();
    AppData.Found found;
    try {
      AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(file,
          setup.daemon().settingsFile(), List.of(), setup.host(), setup.daemon().registries(),
          setup.clock(), licensed.get(), Optional.empty()));
      found = AppData.of(prepared.inputs(), prepared.plan());
    } catch (AppPreparer.PrepareException | RuntimeException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "cannot tell which volumes the app mounts:"
          + " its spec does not render with the settings in use: " + e.getMessage());
    }
    return new AppData.Found(dataChoice().keep(found.kept()), found.leftOut());
  }

  DataChoice dataChoice() {
    return new DataChoice(setup.daemon().stateDir(), volumes, setup.log());
  }

  /**
   * The rest of a start's preparation, which asks Docker (images, requirements, ports) and can
   * take long: run it beside the supervisor.
   */
  void preflight(CheckedSpec spec, Started started) {
    try {
      AppPreparer.preflight(spec, started.prepared(), setup.daemon().registries(), setup.clock(),
          runtime, preflights::record);
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, e.getMessage());
    }
  }

  /**
   * Prepares to continue the run of {@code entries} with the spec and settings its journal says
   * it started with; no preflight, which would remove its containers. A journal from before they
   * were recorded resumes with the spec and settings in use now, as it did then.
   *
   * @throws AppRefusal 409 when the kept spec or settings are missing or damaged: the run is not
   *     resumed with other inputs than its own
   */
  Started prepareToResume(String runId, List<JournalEntry> entries,
      Optional<Function<String, String>> integrationUrl) {
    Optional<RunInputDigests> recorded = RunInputPins.recorded(entries);
    if (recorded.isEmpty()) {
      setup.log().warn("the journal of run " + runId + " does not record the spec and settings it"
          + " started with (an older Tugboat started it): it resumes with the spec and settings in"
          + " use now");
      CheckedSpec checked = checkSpec();
      return prepare(checked, setup.appConfig().read(checked.spec()),
          specs.current().orElseThrow(), Optional.empty(), Optional.empty(), integrationUrl, false);
    }
    RunInputPins.Pinned pinned;
    CheckedSpec checked;
    try {
      pinned = pins().find(recorded.get());
      checked = AppPreparer.checkSpec(pinned.spec(), problem -> setup.log().warn(problem));
    } catch (IOException | AppPreparer.PrepareException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "run " + runId + " cannot go on with the spec and settings it"
          + " started with: " + e.getMessage() + "; it is not resumed with others: the app starts"
          + " in a new run, whose preflight removes the old run's containers (or stays stopped"
          + " if it was stopped)");
    }
    return prepare(checked, setup.appConfig().read(checked.spec()), pinned.spec(),
        Optional.of(pinned.settings()), recorded, integrationUrl, false);
  }

  /** {@code integrationUrl}: the Integration API's address a run's containers get, by run id. */
  private Started prepare(CheckedSpec spec, AppConfig.Read read, Path specFile,
      Optional<Path> settings, Optional<RunInputDigests> inputs,
      Optional<Function<String, String>> integrationUrl, boolean preflight) {
    AppPreparer.Options options = new AppPreparer.Options(specFile,
        setup.daemon().settingsFile(), List.of(), setup.host(), setup.daemon().registries(),
        setup.clock(), licensed.get(), settings).withSwarm(setup.swarm());
    try {
      AppPreparer.Prepared prepared = preflight
          ? AppPreparer.prepare(spec, options, runtime, preflights::record)
          : AppPreparer.plan(spec, options);
      if (integrationUrl.isPresent()) {
        prepared = new AppPreparer.Prepared(prepared.spec(), prepared.inputs(), prepared.masker(),
            prepared.plan(), new IntegrationEnvLauncher(prepared.launcher(), integrationUrl.get()));
      }
      return new Started(prepared, AppConfig.secrets(read.values()), inputs);
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(e.exitCode() == 2 ? AppRefusal.Reason.INVALID
          : AppRefusal.Reason.CONFLICT, e.getMessage());
    }
  }

  List<String> logs(AppSnapshot snapshot, String component, String container, int tail) {
    ContainerId id = RunInstances.idOf(snapshot, component + "/" + container);
    try {
      return runtime.logs(id, tail).stream().map(LogLine::text).toList();
    } catch (RuntimeFailure e) {
      throw new AppRefusal(AppRefusal.Reason.ENGINE_FAILED, "cannot read the logs of " + component + "/" + container
          + ": " + e.getMessage());
    }
  }
}
