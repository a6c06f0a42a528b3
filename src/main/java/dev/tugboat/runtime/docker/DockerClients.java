package dev.tugboat.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import java.time.Duration;

/** Builds the docker-java client over the Apache httpclient5 transport. */
final class DockerClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private DockerClients() {}

  /**
   * No API version is set: docker-java would otherwise ask for a newer one than engine 20.10 (API
   * 1.41) serves, and the engine answers 400 "client version is too new". Unset, requests go to the
   * unversioned path and the engine uses its own.
   *
   * <p>No response timeout either: on the Unix socket transport it is ignored anyway, and over TCP it
   * would cut idle event and log streams. Every call that is not a stream has a deadline of its own,
   * enforced by {@link DockerCalls} (see {@link DockerDeadlines}); streams are not cut while they
   * are silent, since an idle stream is not a dead one.
   */
  static DockerClient connect(DockerHost host) {
    return open(host).client();
  }

  /** The client and the transport under it, for calls docker-java has no command for. */
  record Connection(DockerClient client, DockerHttpClient http) {}

  static Connection open(DockerHost host) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.uri()).build();
    SSLConfig ssl = config.getSSLConfig();
    if (ssl == null && "unix".equals(config.getDockerHost().getScheme())) {
      ssl = NoTlsOnUnixSocket.CONFIG;
    }
    DockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(ssl)
        .maxConnections(64)
        .connectionTimeout(CONNECT_TIMEOUT)
        .build();
    return new Connection(DockerClientImpl.getInstance(config, http), http);
  }
}
