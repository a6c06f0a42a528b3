package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code tugboat serve} from the built jar on a config of its own, as the chaos tests treat it:
 * started, asked for its status, frozen and killed without warning.
 */
final class ServedDaemon implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SETTLED = Set.of("started", "failed");

  private final Path config;
  private final Path token;
  private final String base;
  private final TugboatProcess process;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private ServedDaemon(Path config, Path stateDir, String base, TugboatProcess process) {
    this.config = config;
    this.token = stateDir.resolve("token");
    this.base = base;
    this.process = process;
  }

  /** Starts the daemon and returns once its API listens. */
  static ServedDaemon serve(Path config, Path stateDir, String base)
      throws IOException, InterruptedException {
    TugboatProcess process = TugboatProcess.start("serve", "--config", config.toString());
    process.awaitLine(line -> line.contains("API listening on " + base), Duration.ofSeconds(60));
    return new ServedDaemon(config, stateDir, base, process);
  }

  /** The status document ({@code /api/v1/status}). */
  JsonNode status() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
            + "/api/v1/status")).header("Authorization", "Bearer " + Files.readString(token).strip())
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("status answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * Waits until the app is started or failed and returns that status; the last status seen when
   * the time is up. (A daemon shows {@code stopped} before it has started or resumed a run.)
   */
  JsonNode awaitSettled(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status = status();
    while (!SETTLED.contains(status.path("state").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = status();
    }
    return status;
  }

  /**
   * Like {@link #awaitSettled}, but a stopped app with a run counts as settled too (a daemon shows
   * {@code stopped} without a run before it has looked at its journals).
   */
  JsonNode awaitSettledOrStopped(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status = status();
    while (!settledOrStopped(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = status();
    }
    return status;
  }

  private static boolean settledOrStopped(JsonNode status) {
    String state = status.path("state").asText();
    return SETTLED.contains(state) || state.equals("stopped") && !status.path("run_id").isNull();
  }

  /** SIGSTOP: the daemon stays, but does nothing, until it is killed. */
  void freeze() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-STOP", String.valueOf(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -STOP " + process.pid() + " failed");
    }
  }

  /** SIGKILL, as a crash or the OOM killer would end it; returns once the process is gone. */
  void kill() throws InterruptedException {
    process.killHard();
  }

  String output() {
    return process.stdout() + "\n" + process.stderr();
  }

  /** A CLI command ({@code "status"}, {@code "snapshot", "create"}) against this daemon. */
  CliRun cli(String... command) {
    String[] args = java.util.Arrays.copyOf(command, command.length + 2);
    args[command.length] = "--config";
    args[command.length + 1] = config.toString();
    return CliRun.of(args);
  }

  @Override
  public void close() {
    process.close();
  }
}
