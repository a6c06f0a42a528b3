package dev.tugboat.daemon;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.AdminResult;
import dev.tugboat.api.AppSnapshot;
import dev.tugboat.config.WhenCondition;
import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.spec.AdminCommandSpec;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.template.Template;
import dev.tugboat.template.TemplateEnvironment;
import dev.tugboat.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The spec's {@code admin_commands}: one runs in its container for its {@code timeout}, and only
 * while its {@code when} holds with the stored settings. Blocking: call it from a worker.
 * Failures are {@link AppRefusal}s that say what to do.
 */
final class AdminCommands {

  private final ContainerRuntime runtime;
  private final Function<AppSpec, TemplateEnvironment> settings;

  /** {@code settings}: the templates' environment, asked for only when a when is decided. */
  AdminCommands(ContainerRuntime runtime, Function<AppSpec, TemplateEnvironment> settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  /** Runs the command {@code alias} of the live run's spec with {@code args} appended. */
  AdminResult run(LiveRun live, AppSnapshot snapshot, String alias, List<String> args) {
    if (live == null) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT,
          "the app has not been started; start it first");
    }
    AdminCommandSpec command = live.spec().adminCommands().stream()
        .filter(c -> c.alias().equals(alias)).findFirst()
        .orElseThrow(() -> new AppRefusal(AppRefusal.Reason.NOT_FOUND, "no admin command '"
            + alias + "'; the spec has: " + live.spec().adminCommands().stream()
                .map(AdminCommandSpec::alias).collect(Collectors.joining(", "))));
    if (!command.when().isBlank() && !offered(command, settings.apply(live.spec()))) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "admin command '" + alias + "' is not"
          + " offered with the current settings: its when, " + command.when() + ", is false");
    }
    String target = AdminTarget.key(live.spec(), command, snapshot.run());
    ContainerId id = RunInstances.idOf(snapshot, target);
    List<String> cmd = new ArrayList<>(command.command());
    cmd.addAll(args);
    long began = System.nanoTime();
    try {
      ExecResult result = runtime.exec(id, ExecRequest.of(cmd).withTimeout(command.timeout()));
      return new AdminResult(result.exitCode(), result.output());
    } catch (RuntimeFailure e) {
      // TIMED_OUT also says that a daemon stopping interrupted the wait: only the timeout's own
      // passing is the command running too long
      if (e.kind() == RuntimeFailure.Kind.TIMED_OUT
          && System.nanoTime() - began >= command.timeout().toNanos()) {
        throw new AppRefusal(AppRefusal.Reason.ENGINE_FAILED, "admin command '" + alias
            + "' ran longer than its " + command.timeout().toSeconds() + " s ("
            + (command.timeoutSeconds() > 0 ? "the spec's timeout" : "the default; give the"
                + " command a timeout in the spec's admin_commands for longer")
            + "); it may still be running in " + target + ": " + e.getMessage());
      }
      throw new AppRefusal(AppRefusal.Reason.ENGINE_FAILED, "admin command '" + alias
          + "' could not run: " + e.getMessage());
    }
  }

  private static boolean offered(AdminCommandSpec command, TemplateEnvironment settings) {
    String path = "admin_commands[" + command.alias() + "].when";
    try {
      return WhenCondition.isTrue(Template.parse(command.when(), path).render(settings), path);
    } catch (TemplateException e) {
      throw new AppRefusal(AppRefusal.Reason.CONFLICT, "admin command '" + command.alias()
          + "': its when cannot be decided: " + e.getMessage());
    }
  }
}
