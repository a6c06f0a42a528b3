package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.ImagePull;
import dev.tugboat.orchestrator.LogDriverCheck;
import dev.tugboat.orchestrator.PreflightNeeds;
import dev.tugboat.orchestrator.SpecNeeds;
import dev.tugboat.requirements.PreflightReport;
import dev.tugboat.requirements.RequirementsPreflight;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AppSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What an upgrade checks before it stops the app, so a spec that cannot start never replaces one
 * that runs: the spec plans (config values complete, no event cycle) and every image it needs is
 * on this host or can be pulled, and its host and custom requirements are met. Host ports are not
 * checked: the run being replaced holds them.
 * The start's own preflight checks everything again after the stop.
 */
final class UpgradeCheck {

  private final DaemonSetup setup;
  private final ContainerRuntime runtime;
  private final Supplier<LicensedApp> licensed;

  UpgradeCheck(DaemonSetup setup, ContainerRuntime runtime) {
    this(setup, runtime, () -> LicensedApp.none(LicenseDesk.ADVICE, Releases.none()));
  }

  /** {@code licensed}: the license the new spec will start with (an expired one refuses it). */
  UpgradeCheck(DaemonSetup setup, ContainerRuntime runtime, Supplier<LicensedApp> licensed) {
    this.setup = setup;
    this.runtime = runtime;
    this.licensed = licensed;
  }

  /**
   * Plans {@code spec} ({@code text}, known to the operator as {@code name}) with a copy of the
   * settings it will run with ({@code settingsFile}, absent: none yet), so nothing the planning
   * generates is saved.
   *
   * @throws AppRefusal 400 when it cannot plan, 409 when images are missing or a requirement is
   *     not met
   */
  void require(CheckedSpec checked, String text, String name, Path settingsFile) {
    require(checked, text, name, Optional.of(settingsFile).filter(Files::exists));
  }

  /** As above, {@code settingsFile} absent: none yet. */
  void require(CheckedSpec checked, String text, String name, Optional<Path> settingsFile) {
    require(checked, text, name, settingsFile, java.util.Set.of());
  }

  /**
   * As above; {@code carried}: images a bundle brings, which are not looked for (nor pulled):
   * a dry run of a bundle checks its spec before its images are loaded.
   */
  void require(CheckedSpec checked, String text, String name, Optional<Path> settingsFile,
      java.util.Set<String> carried) {
    AppSpec spec = checked.spec();
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(setup.daemon().stateDir(), ".upgrade-check");
      Path specFile = Files.writeString(scratch.resolve("spec.yml"), text);
      Path settings = scratch.resolve("settings.json");
      if (settingsFile.isPresent()) {
        Files.copy(settingsFile.get(), settings, StandardCopyOption.COPY_ATTRIBUTES);
      }
      AppPreparer.Prepared prepared = AppPreparer.plan(checked, new AppPreparer.Options(specFile,
          settings, List.of(), setup.host(), setup.daemon().registries(), setup.clock(),
          licensed.get()));
      PreflightNeeds needs = SpecNeeds.of(prepared.inputs(), new ContainerKeys(spec),
          prepared.plan(), prepared.launcher());
      List<String> missing = missingImages(needs.images().stream()
          .filter(need -> !carried.contains(need.image())).toList());
      if (!missing.isEmpty()) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, name + " needs " + (missing.size() == 1 ? "an image"
            : missing.size() + " images") + " this host does not have; nothing was changed:\n  "
            + String.join("\n  ", missing));
      }
      List<String> noDriver = logDriverProblems(needs);
      if (!noDriver.isEmpty()) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, name + ": "
            + LogDriverCheck.summary(noDriver) + "; nothing was changed:\n  "
            + String.join("\n  ", noDriver));
      }
      // Checked here too, so an upgrade to a spec this host cannot run leaves the app running.
      PreflightReport report = RequirementsPreflight.ofThisMachine(runtime, setup.clock())
          .check(prepared.inputs()).masked(prepared.masker()::mask);
      if (report.hasErrors()) {
        throw new AppRefusal(AppRefusal.Reason.CONFLICT, name + ": " + report.refusal("nothing was changed"));
      }
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(e.exitCode() == 2 ? AppRefusal.Reason.INVALID : AppRefusal.Reason.CONFLICT,
          e.getMessage().replace(scratch.resolve("spec.yml").toString(), name)
              + "; nothing was changed");
    } catch (IOException e) {
      throw new AppRefusal(AppRefusal.Reason.FAILED, "cannot check the spec in " + setup.daemon().stateDir() + ": "
          + e + "; nothing was changed");
    } finally {
      remove(scratch);
    }
  }

  private List<String> logDriverProblems(PreflightNeeds needs) {
    try {
      return LogDriverCheck.problems(runtime, needs.logDrivers());
    } catch (RuntimeFailure e) {
      throw new AppRefusal(AppRefusal.Reason.UNAVAILABLE, "the Docker Engine does not answer: "
          + e.getMessage() + "; nothing was changed");
    }
  }

  private List<String> missingImages(List<PreflightNeeds.ImageNeed> needs) {
    try {
      return new ImagePull(runtime, setup.daemon().registries()).problems(needs);
    } catch (RuntimeFailure e) {
      throw new AppRefusal(AppRefusal.Reason.UNAVAILABLE, "the Docker Engine does not answer: " + e.getMessage()
          + "; nothing was changed");
    }
  }

  private void remove(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(scratch)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      setup.log().warn("cannot remove " + scratch + ": " + e.getMessage());
    }
  }
}
