package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.requirements.RequirementsPreflight;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/preflight}: checks the requirements of the spec in use, with its config
 * values, on this host now. Read-only: the values are planned from a copy of the settings (a
 * generated value is not saved) and a check's container is removed after it. Blocking; run it on
 * a worker.
 */
final class PreflightService {
  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final SpecStore specs;
  private final PreflightReports reports;
  private final AppActions actions;

  PreflightService(DaemonSetup setup, ContainerRuntime runtime, SpecStore specs,
      PreflightReports reports, AppActions actions) {
    this.setup = setup;
    this.runtime = runtime;
    this.specs = specs;
    this.reports = reports;
    this.actions = actions;
  }

  Map<String, Object> check() {
    CheckedSpec spec = actions.checkSpec();
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(setup.daemon().stateDir(), ".preflight");
      Path settings = scratch.resolve("settings.json");
      if (Files.exists(setup.daemon().settingsFile())) {
        Files.copy(setup.daemon().settingsFile(), settings, StandardCopyOption.COPY_ATTRIBUTES);
      }
      AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(
          specs.current().orElseThrow(), settings, List.of(), setup.host(),
          setup.daemon().registries(), setup.clock(), actions.licensed()));
      return reports.record(RequirementsPreflight.ofThisMachine(runtime, setup.clock())
          .check(prepared.inputs()).masked(prepared.masker()::mask));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(e.exitCode() == 2 ? AppRefusal.Reason.INVALID : AppRefusal.Reason.CONFLICT, e.getMessage());
    } catch (RuntimeFailure e) {
      throw new AppRefusal(AppRefusal.Reason.ENGINE_FAILED, "cannot check the host: " + e.getMessage());
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot check the requirements in " + setup.daemon().stateDir()
          + ": " + e);
    } finally {
      remove(scratch);
    }
  }

  private static void remove(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (var files = Files.walk(scratch)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover scratch directory under the state dir is harmless; the next check makes its own.
    }
  }
}
