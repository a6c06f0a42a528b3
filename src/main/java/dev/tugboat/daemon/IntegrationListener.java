package dev.tugboat.daemon;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.runtime.ContainerRuntime;
import dev.tugboat.runtime.RuntimeFailure;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Binds the Integration API where the app's containers reach it: the Docker bridge's gateway (the
 * host as containers see it), never the host's public interface. When Docker does not answer or
 * the port is taken, the daemon runs without it and says so.
 */
final class IntegrationListener {

  private final DaemonConfig config;
  private final DaemonLog log;

  IntegrationListener(DaemonConfig config, DaemonLog log) {
    this.config = config;
    this.log = log;
  }

  Optional<ApiServer> bind(ContainerRuntime runtime, AppSupervisor app) {
    Optional<String> gateway;
    try {
      gateway = runtime.hostFacts().bridgeGateway();
    } catch (RuntimeFailure e) {
      log.warn("the Integration API is not served: Docker did not answer (" + e.getMessage() + ")");
      return Optional.empty();
    }
    if (gateway.isEmpty()) {
      log.warn("the Integration API is not served: Docker's bridge network has no gateway address");
      return Optional.empty();
    }
    InetSocketAddress address = new InetSocketAddress(gateway.get(), config.integrationPort());
    try {
      ApiServer server = ApiServer.startIntegration(address, app, app.licenses(),
          ApiLimits.integration());
      String url = "http://" + gateway.get() + ":" + config.integrationPort();
      app.useIntegrationApi(url);
      log.info("Integration API listening on " + url + " (containers find it in"
          + " REPLICATED_INTEGRATIONAPI)");
      return Optional.of(server);
    } catch (Exception e) {
      log.warn("the Integration API is not served: cannot listen on " + gateway.get() + ":"
          + config.integrationPort() + " (" + e + "); set integration_port in the daemon config");
      return Optional.empty();
    }
  }
}
