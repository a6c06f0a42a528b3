package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.ConfigTestResult;
import dev.tugboat.app.AppPreparer;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.requirements.CheckResult;
import dev.tugboat.requirements.ConfigItemTest;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.spec.TestProcSpec;
import dev.tugboat.spec.TestProcs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Config items' test procedures ({@code test_proc}), run for the operator: with the stored values,
 * or values typed but not saved in their place, rendered as a start renders them; nothing is
 * stored. Blocking (a test's container runs up to its timeout): call it beside the supervisor.
 */
final class ConfigTests {

  private final DaemonSetup setup;
  private final AppActions actions;
  private final SpecStore specs;
  private final Supplier<LicensedApp> licensed;
  private final ConfigItemTest tests;

  ConfigTests(DaemonSetup setup, AppActions actions, SpecStore specs,
      Supplier<LicensedApp> licensed, ContainerRuntime runtime) {
    this.setup = setup;
    this.actions = actions;
    this.specs = specs;
    this.licensed = licensed;
    this.tests = new ConfigItemTest(runtime, setup.clock());
  }

  /** Runs {@code item}'s test with {@code values} in place of the stored ones; logs the verdict. */
  ConfigTestResult run(String item, Map<String, String> values) {
    CheckedSpec spec = actions.checkSpec();
    TestProcSpec proc = TestProcs.of(spec.spec(), item).orElseThrow(() -> new AppRefusal(
        AppRefusal.Reason.NOT_FOUND, spec.spec().configItems().anyMatch(i -> i.name().equals(item))
            ? "config item '" + item + "' has no test_proc to run"
            : "no config item '" + item + "' in the app"));
    AppPreparer.Prepared prepared = prepare(spec, item, values);
    CheckResult result = tests.run(proc, prepared.inputs());
    ConfigTestResult answer = new ConfigTestResult(item, proc.shownAs(), result.verdict().label(),
        prepared.masker().mask(result.message()), prepared.masker().mask(result.measured()));
    setup.log().info("config test of " + item + " (" + answer.test() + "): " + answer.verdict()
        + (answer.message().isEmpty() ? "" : " - " + answer.message()));
    return answer;
  }

  /**
   * The spec rendered with a copy of the settings, read only: a test writes nothing (a
   * value_cmd's value is made for it alone), so it cannot race the supervisor's own writes.
   */
  private AppPreparer.Prepared prepare(CheckedSpec spec, String item, Map<String, String> values) {
    List<String> sets = new ArrayList<>();
    values.forEach((name, value) -> sets.add(name + "=" + value));
    Path copy = setup.daemon().stateDir().resolve(".config-test-" + UUID.randomUUID() + ".json");
    try {
      Path settings = setup.daemon().settingsFile();
      if (Files.exists(settings)) {
        Files.copy(settings, copy, StandardCopyOption.COPY_ATTRIBUTES);
      }
      return AppPreparer.plan(spec, new AppPreparer.Options(specs.current().orElseThrow(),
          settings, sets, setup.host(), setup.daemon().registries(), setup.clock(),
          licensed.get(), Optional.of(copy)));
    } catch (AppPreparer.PrepareException e) {
      throw new AppRefusal(e.exitCode() == 2 ? AppRefusal.Reason.INVALID
          : AppRefusal.Reason.CONFLICT, e.getMessage());
    } catch (IOException e) {
      throw StateDirRefusal.logged(setup.log(), "cannot copy the settings for a test of " + item
          + " in " + setup.daemon().stateDir() + ": " + e);
    } finally {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        setup.log().warn("cannot remove " + copy + ": " + e.getMessage());
      }
    }
  }
}
