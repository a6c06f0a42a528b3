package dev.tugboat.daemon;

import dev.tugboat.api.ApiException;
import dev.tugboat.api.AppService.AdminResult;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AdminCommandSpec;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import dev.tugboat.spec.AppSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The blocking parts of the controller's calls: loading the spec, preparing a start, reading a
 * container's logs, running an admin command. Failures are {@link ApiException}s that say what
 * to do.
 */
final class AppActions {

  /** A prepared start and the secrets it knows. */
  record Started(AppPreparer.Prepared prepared, List<String> secrets) {}

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final SpecStore specs;
  private final java.util.function.Supplier<LicensedApp> licensed;
  private final PreflightReports preflights = new PreflightReports();

  AppActions(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs) {
    this(setup, runtime, specs, () -> LicensedApp.none(LicenseDesk.ADVICE, Releases.none()));
  }

  /** {@code licensed}: the license and releases a start renders with, read at each start. */
  AppActions(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs,
      java.util.function.Supplier<LicensedApp> licensed) {
    this.setup = setup;
    this.runtime = runtime;
    this.specs = specs;
    this.licensed = licensed;
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
    Path file = specs.current().orElseThrow(() -> new ApiException(409,
        "no app is configured: set 'app' in the daemon config to the app spec's path"));
    try {
      return AppPreparer.loadSpec(file, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new ApiException(409, e.getMessage());
    }
  }

  /**
   * The spec in use checked as {@code tugboat validate} checks it, for a start: its warnings are
   * logged; its errors refuse the start (400), each a {@code file:line:column} line.
   */
  CheckedSpec checkSpec() {
    Path file = specs.current().orElseThrow(() -> new ApiException(409,
        "no app is configured: set 'app' in the daemon config to the app spec's path"));
    try {
      return AppPreparer.checkSpec(file, problem -> setup.log().warn(problem));
    } catch (AppPreparer.PrepareException e) {
      throw new ApiException(400, e.getMessage());
    }
  }

  /** Prepares a start; with an Integration API address, every container gets it in its env. */
  Started prepare(CheckedSpec spec,
      java.util.Optional<java.util.function.Function<String, String>> integrationUrl) {
    return prepare(spec, integrationUrl, true);
  }

  /** Prepares to continue a run under way: no preflight, which would remove its containers. */
  Started prepareToResume(CheckedSpec spec,
      java.util.Optional<java.util.function.Function<String, String>> integrationUrl) {
    return prepare(spec, integrationUrl, false);
  }

  /** {@code integrationUrl}: the Integration API's address a run's containers get, by run id. */
  private Started prepare(CheckedSpec spec,
      java.util.Optional<java.util.function.Function<String, String>> integrationUrl,
      boolean preflight) {
    AppConfig.Read read = setup.appConfig().read(spec.spec());
    AppPreparer.Options options = new AppPreparer.Options(specs.current().orElseThrow(),
        setup.daemon().settingsFile(), List.of(), setup.host(), setup.daemon().registries(),
        setup.clock(), licensed.get());
    try {
      AppPreparer.Prepared prepared = preflight
          ? AppPreparer.prepare(spec, options, runtime, preflights::record)
          : AppPreparer.plan(spec, options);
      if (integrationUrl.isPresent()) {
        prepared = new AppPreparer.Prepared(prepared.spec(), prepared.inputs(), prepared.masker(),
            prepared.plan(), new IntegrationEnvLauncher(prepared.launcher(), integrationUrl.get()));
      }
      return new Started(prepared, AppConfig.secrets(read.values()));
    } catch (AppPreparer.PrepareException e) {
      throw new ApiException(e.exitCode() == 2 ? 400 : 409, e.getMessage());
    }
  }

  List<String> logs(AppSnapshot snapshot, String component, String container, int tail) {
    ContainerId id = instance(snapshot, component + "/" + container);
    try {
      return runtime.logs(id, tail).stream().map(LogLine::text).toList();
    } catch (RuntimeFailure e) {
      throw new ApiException(502, "cannot read the logs of " + component + "/" + container
          + ": " + e.getMessage());
    }
  }

  AdminResult admin(LiveRun live, AppSnapshot snapshot, String alias, List<String> args) {
    if (live == null) {
      throw new ApiException(409, "the app has not been started; start it first");
    }
    AdminCommandSpec command = live.spec().adminCommands().stream()
        .filter(c -> c.alias().equals(alias)).findFirst()
        .orElseThrow(() -> new ApiException(404, "no admin command '" + alias + "'; the spec has: "
            + live.spec().adminCommands().stream().map(AdminCommandSpec::alias)
                .collect(Collectors.joining(", "))));
    ContainerId id = instance(snapshot, AdminTarget.key(live.spec(), command, snapshot.run()));
    List<String> cmd = new ArrayList<>(command.command());
    cmd.addAll(args);
    try {
      ExecResult result = runtime.exec(id, ExecRequest.of(cmd));
      return new AdminResult(result.exitCode(), result.output());
    } catch (RuntimeFailure e) {
      throw new ApiException(502, "admin command '" + alias + "' could not run: " + e.getMessage());
    }
  }

  private static ContainerId instance(AppSnapshot snapshot, String key) {
    RunStatus run = snapshot.run();
    RunStatus.ContainerStatus container = run == null ? null : run.container(key).orElse(null);
    if (container == null) {
      throw new ApiException(404, "no container " + key + " in the current run"
          + (run == null || run.containers().isEmpty() ? "" : "; its containers: "
              + run.containers().stream().map(RunStatus.ContainerStatus::container)
                  .collect(Collectors.joining(", "))));
    }
    if (container.containerId() == null || container.containerId().isEmpty()) {
      throw new ApiException(409, "container " + key + " has no instance yet (it is "
          + container.state() + ")");
    }
    return ContainerId.of(container.containerId());
  }
}
