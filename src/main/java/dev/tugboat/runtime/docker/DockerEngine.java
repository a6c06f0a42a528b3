package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.tugboat.runtime.EngineResources;
import dev.tugboat.runtime.HostFacts;
import dev.tugboat.runtime.HostInterfaces;
import java.util.Optional;

/** Questions about the engine itself: does it answer, what version, which bridge gateway. */
final class DockerEngine {
  private final DockerClient client;
  private final DockerCalls calls;
  private final DockerFailures failures;
  private final DockerHost host;
  private final HostInterfaces interfaces;

  DockerEngine(DockerClient client, DockerCalls calls, DockerFailures failures, DockerHost host,
      HostInterfaces interfaces) {
    this.client = client;
    this.calls = calls;
    this.failures = failures;
    this.host = host;
    this.interfaces = interfaces;
  }

  void ping() {
    try {
      calls.tell("ping", () -> client.pingCmd().exec());
    } catch (RuntimeException e) {
      throw failures.of("answer a ping", e);
    }
  }

  HostFacts facts() {
    try {
      Version version = calls.ask("tell its version", () -> client.versionCmd().exec());
      return new HostFacts(host.uri(), version.getVersion(), version.getApiVersion(),
          bridgeGateway());
    } catch (RuntimeException e) {
      throw failures.of("tell its version", e);
    }
  }

  EngineResources resources() {
    try {
      Info info = calls.ask("tell its CPUs and memory", () -> client.infoCmd().exec());
      return new EngineResources(info.getNCPU() == null ? 0 : info.getNCPU(),
          info.getMemTotal() == null ? 0 : info.getMemTotal(),
          Optional.ofNullable(info.getServerVersion()).orElse(""),
          Optional.ofNullable(info.getDockerRootDir()).orElse(""),
          Optional.ofNullable(info.getPlugins()).map(plugins -> plugins.get("Log"))
              .orElse(java.util.List.of()));
    } catch (RuntimeException e) {
      throw failures.of("tell its CPUs and memory", e);
    }
  }

  private Optional<String> bridgeGateway() {
    return calls.ask("list the bridge network",
            () -> client.listNetworksCmd().withNameFilter("bridge").exec()).stream()
        .filter(n -> "bridge".equals(n.getName())).findFirst()
        .flatMap(bridge -> BridgeGateway.of(bridge, interfaces));
  }
}
