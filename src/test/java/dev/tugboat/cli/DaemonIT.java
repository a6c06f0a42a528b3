package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it: {@code tugboat serve} from the built jar with its own config
 * and state directory, the app (busybox chain) controlled through the API and the CLI, bad input
 * refused without harm, and SIGTERM leaving the app running.
 */
class DaemonIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("daemon");
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private Path config;

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void servesTheAppControlledThroughTheApiAndTheCli() throws Exception {
    TestSpecs.write(dir, "chain.yml", Map.of("APP", app));
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\nstate_dir: state\napp: chain.yml\n"
        + "integration_port: " + TestSpecs.freePort() + "\n");
    try (TugboatProcess daemon = TugboatProcess.start("serve", "--config", config.toString())) {
      daemon.awaitLine(line -> line.contains("API listening on " + base), Duration.ofSeconds(30));
      Path state = dir.resolve("state");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(state.resolve("token")))).isEqualTo("rw-------");
      String token = Files.readString(state.resolve("token")).strip();

      assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
      assertThat(send("GET", "/api/v1/status", null).statusCode()).isEqualTo(401);
      awaitState(token, "started");

      CliRun status = CliRun.of("status", "--config", config.toString());
      assertThat(status.exitCode()).isZero();
      assertThat(status.out()).startsWith(app + " 1: started")
          .containsPattern("once/tugboat-test/busybox +completed +completed \\(exit 0");

      String env = DockerCli.inspect("tugboat-" + app + "-first-busybox-1", "{{json .Config.Env}}");
      String integration = env.replaceAll(".*\"REPLICATED_INTEGRATIONAPI=([^\"]+)\".*", "$1").strip();
      assertThat(integration).matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+/[A-Za-z0-9_-]{32}");
      // The app's own container reports its progress, as an app does.
      assertThat(IntegrationCalls.putFromContainer("tugboat-" + app + "-first-busybox-1",
          integration, "/status/v1/startup", "{\"message\": \"Warming caches\"}"))
          .startsWith("HTTP/1.1 204");
      // Anyone else on the bridge, the host included, is refused, even with the address.
      HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(
              URI.create(integration + "/status/v1/startup"))
          .PUT(HttpRequest.BodyPublishers.ofString(
              "{\"message\": \"stop it\", \"severity\": \"error\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(foreign.statusCode()).isEqualTo(403);
      assertThat(foreign.body()).contains("which is none of the current run's containers");
      assertThat(send("GET", "/api/v1/status", token).body())
          .contains("\"startup_message\":\"Warming caches\"");

      assertThat(CliRun.of("admin", "--config", config.toString(), "greet", "first").out())
          .isEqualTo("hello from first\n");
      HttpResponse<String> byImage = send("POST", "/api/v1/admin/any-busybox", token);
      assertThat(byImage.statusCode()).isEqualTo(409);
      assertThat(byImage.body()).isEqualTo("{\"error\":\"admin command 'any-busybox' runs in image"
          + " tugboat-test/busybox:1, which several running containers use:"
          + " first/tugboat-test/busybox, last/tugboat-test/busybox; name one with component and"
          + " container in the spec's admin_commands entry\"}");

      // the spec gives it 1 s; the daemon answers then, though the engine cannot end an exec
      long asked = System.nanoTime();
      HttpResponse<String> slow = send("POST", "/api/v1/admin/slow", token);
      assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
      assertThat(slow.body()).contains("admin command 'slow' ran longer than its 1 s (the spec's"
          + " timeout); it may still be running in first/tugboat-test/busybox");

      assertThat(malformedAnswer(port)).startsWith("HTTP/1.1 400 Bad Request");
      assertThat(send("GET", "/api/v1/status", token).statusCode()).isEqualTo(200);

      CliRun stop = CliRun.of("stop", "--config", config.toString());
      assertThat(stop.exitCode()).isZero();
      assertThat(stop.out()).contains("(app stopped)");
      await().atMost(Duration.ofSeconds(10)).until(
          () -> DockerCli.run("ps", "--filter", "label=dev.tugboat.app=" + app, "-q").isEmpty());

      HttpResponse<String> start = send("POST", "/api/v1/app/start", token);
      assertThat(start.statusCode()).as("accepted: its preparation goes on").isEqualTo(202);
      assertThat(start.body()).contains("\"state\":\"starting\"")
          .contains("\"under_way\":true");
      awaitState(token, "started");

      daemon.terminate();
      assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
      assertThat(daemon.stdout()).contains("stopping the daemon; the app's containers keep running");
      assertThat(DockerCli.run("ps", "--filter", "label=dev.tugboat.app=" + app, "-q")
          .split("\n")).hasSize(2);
    }
    CliRun after = CliRun.of("status", "--config", config.toString());
    assertThat(after.exitCode()).isEqualTo(3);
    assertThat(after.err()).isEqualTo("tugboat status: the daemon is not running: nothing answers"
        + " at " + base + " (start it with: systemctl start tugboat, or tugboat serve)\n");
  }

  private void awaitState(String token, String state) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> send("GET", "/api/v1/status", token).body().contains("\"state\":\"" + state + "\""));
  }

  private HttpResponse<String> send(String method, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String malformedAnswer(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
