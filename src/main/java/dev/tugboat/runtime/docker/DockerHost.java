package dev.tugboat.runtime.docker;

import java.util.Map;
import java.util.Optional;

/** Which engine to talk to: an explicit address, else {@code DOCKER_HOST}, else the local socket. */
public record DockerHost(String uri) {
  public static final String DEFAULT_URI = "unix:///var/run/docker.sock";

  public DockerHost {
    if (uri.isBlank()) {
      throw new IllegalArgumentException("the Docker host address must not be blank");
    }
  }

  /**
   * @param explicit an address the operator gave (command line or daemon config); wins if present
   * @param environment the process environment, read for {@code DOCKER_HOST}
   */
  public static DockerHost resolve(Optional<String> explicit, Map<String, String> environment) {
    return explicit.filter(s -> !s.isBlank())
        .or(() -> Optional.ofNullable(environment.get("DOCKER_HOST")).filter(s -> !s.isBlank()))
        .map(DockerHost::new)
        .orElseGet(() -> new DockerHost(DEFAULT_URI));
  }

  @Override
  public String toString() {
    return uri;
  }
}
