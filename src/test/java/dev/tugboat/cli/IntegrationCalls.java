package dev.tugboat.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Calls the Integration API from inside one of the app's containers, as the app does: it answers
 * only the current run's containers. Busybox's wget cannot PUT, so the request goes through nc.
 */
final class IntegrationCalls {

  private IntegrationCalls() {}

  /** PUTs {@code json} to {@code call} after {@code base} (the container's address); the answer. */
  static String putFromContainer(String container, String base, String call, String json)
      throws IOException, InterruptedException {
    URI uri = URI.create(base);
    String request = "PUT " + uri.getPath() + call + " HTTP/1.0\r\nHost: " + uri.getHost()
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    return DockerCli.run("exec", "-e", "REQUEST=" + request, container, "sh", "-c",
        "printf '%s' \"$REQUEST\" | nc -w 5 " + uri.getHost() + " " + uri.getPort());
  }
}
