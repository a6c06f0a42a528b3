package dev.tugboat.app;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PreparedContainer;
import dev.tugboat.orchestrator.ReadyProbe;
import dev.tugboat.orchestrator.RunState;
import dev.tugboat.orchestrator.SupportExcludedEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands the masker the value of each env var marked {@code is_excluded_from_support} as it renders
 * for a container, before the container is created. A value that needs another container's address
 * is known only then, and the container may print it in its first line of output. An env var whose
 * name is itself a template is not found (its rendered name is not known here).
 */
final class SecretEnvLauncher implements Launcher {

  private final Launcher launcher;
  private final Consumer<List<String>> secrets;

  SecretEnvLauncher(Launcher launcher, Consumer<List<String>> secrets) {
    this.launcher = launcher;
    this.secrets = secrets;
  }

  @Override
  public PreparedContainer prepare(ContainerKey key, RunState state) {
    PreparedContainer prepared = launcher.prepare(key, state);
    Map<String, String> env = prepared.config().env();
    List<String> values = new ArrayList<>();
    for (String name : SupportExcludedEnv.names(prepared.config().labels())) {
      String value = env.get(name);
      if (value != null) {
        values.add(value);
      }
    }
    if (!values.isEmpty()) {
      secrets.accept(List.copyOf(values));
    }
    return prepared;
  }

  @Override
  public ReadyProbe readyProbe(RunState state) {
    return launcher.readyProbe(state);
  }
}
