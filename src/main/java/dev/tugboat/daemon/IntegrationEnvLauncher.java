package dev.tugboat.daemon;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PreparedContainer;
import dev.tugboat.orchestrator.ReadyProbe;
import dev.tugboat.orchestrator.RunState;

/**
 * Gives every container the Integration API's address: {@code REPLICATED_INTEGRATIONAPI} (the name
 * vendors' images already read) and {@code TUGBOAT_INTEGRATIONAPI}, ending in the run's secret
 * ({@link IntegrationSecrets}): callers append the call's path to it. A value the spec sets itself
 * wins: these are added only where the spec's env vars did not name them.
 */
final class IntegrationEnvLauncher implements Launcher {

  static final String REPLICATED = "REPLICATED_INTEGRATIONAPI";
  static final String TUGBOAT = "TUGBOAT_INTEGRATIONAPI";

  private final Launcher launcher;
  private final java.util.function.Function<String, String> urlOfRun;

  /** {@code urlOfRun}: the address a run's containers are given, by run id. */
  IntegrationEnvLauncher(Launcher launcher, java.util.function.Function<String, String> urlOfRun) {
    this.launcher = launcher;
    this.urlOfRun = urlOfRun;
  }

  @Override
  public PreparedContainer prepare(ContainerKey key, RunState state) {
    PreparedContainer prepared = launcher.prepare(key, state);
    String url = urlOfRun.apply(state.runId());
    var builder = prepared.config().toBuilder();
    if (!prepared.config().env().containsKey(REPLICATED)) {
      builder.env(REPLICATED, url);
    }
    if (!prepared.config().env().containsKey(TUGBOAT)) {
      builder.env(TUGBOAT, url);
    }
    return new PreparedContainer(builder.build(), prepared.files());
  }

  @Override
  public ReadyProbe readyProbe(RunState state) {
    return launcher.readyProbe(state);
  }
}
