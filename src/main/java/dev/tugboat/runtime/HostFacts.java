package dev.tugboat.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Facts about the engine's host that templates and probes need.
 *
 * @param engineHost where the engine is reached ({@code unix:///var/run/docker.sock})
 * @param engineVersion the engine's version
 * @param apiVersion the engine's API version
 * @param bridgeGateway the default bridge network's gateway: the address at which containers on the
 *     bridge reach this host ({@code ThisNodeDockerAddress}); empty if the engine has no bridge
 */
public record HostFacts(
    String engineHost, String engineVersion, String apiVersion, Optional<String> bridgeGateway) {
  public HostFacts {
    Objects.requireNonNull(engineHost, "engineHost");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(bridgeGateway, "bridgeGateway");
  }
}
