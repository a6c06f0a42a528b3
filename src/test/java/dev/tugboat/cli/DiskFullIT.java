package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's state directory on a 2 MiB tmpfs, filled up right after a start: the run pauses and
 * says why, a stop asked meanwhile is taken, and once space is freed the run goes on by itself,
 * carries the stop out and leaves nothing running; its journal reads back whole. Needs root (to
 * mount the tmpfs). Prints the times measured.
 */
class DiskFullIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("disk-full");
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Path state;
  private boolean mounted;
  private String base;
  private ServedDaemon daemon;

  @AfterEach
  void cleanUp() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app);
    if (mounted) {
      run("umount", state.toString());
    }
  }

  @Test
  void aFullStateDirectoryPausesTheRunWhichGoesOnOnceSpaceReturns() throws Exception {
    assumeTrue(run("id", "-u").strip().equals("0"), "mounting a tmpfs needs root");
    state = dir.resolve("state");
    Files.createDirectory(state);
    run("mount", "-t", "tmpfs", "-o", "size=2m,mode=700", "tmpfs", state.toString());
    mounted = true;
    configure();
    daemon = ServedDaemon.serve(dir.resolve("tugboat.yml"), state, base);
    JsonNode first = daemon.awaitSettled(SETTLE);
    assertThat(first.path("state").asText()).as(daemon.output()).isEqualTo("started");
    assertThat(post("stop").statusCode()).as(daemon.output()).isBetween(200, 202);
    awaitState("stopped", SETTLE);

    // A new run; the disk fills once its journal exists, while its first container starts.
    Path runs = state.resolve("runs");
    List<Path> before = journals(runs);
    CompletableFuture<HttpResponse<String>> start = CompletableFuture.supplyAsync(() -> post("start"));
    Path journal = awaitNewJournal(runs, before);
    long filled = System.nanoTime();
    fill(state.resolve("filler"));
    String runId = journal.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    assertThat(start.get().statusCode()).as(start.get().body()).isBetween(200, 202);

    JsonNode paused = awaitStatus(s -> !s.path("paused").asText().isEmpty(), SETTLE);
    double pausedAfter = seconds(filled);
    assertThat(paused.path("paused").asText()).as(paused.toString())
        .contains("cannot write the journal at " + journal)
        .contains("No space left on device");
    assertThat(paused.path("run_id").asText()).isEqualTo(runId);
    assertThat(paused.path("message").asText()).startsWith("paused: cannot write the journal at ");

    CompletableFuture<HttpResponse<String>> stop = CompletableFuture.supplyAsync(() -> post("stop"));
    Thread.sleep(8_000); // five retries or so: the log says it once all the same
    JsonNode stillPaused = status();
    assertThat(stillPaused.path("paused").asText()).isNotEmpty();
    assertThat(stillPaused.path("components").findValuesAsText("instance"))
        .as("what the paused run's status shows").containsAll(running());

    long freed = System.nanoTime();
    Files.delete(state.resolve("filler"));
    JsonNode stopped = awaitStatus(s -> s.path("state").asText().equals("stopped")
        && s.path("paused").asText().isEmpty(), SETTLE);
    double stoppedAfter = seconds(freed);
    HttpResponse<String> stopAnswer = stop.get();
    assertThat(stopAnswer.statusCode()).as(stopAnswer.body()).isBetween(200, 202);
    assertThat(stopAnswer.body()).doesNotContain("not running");
    assertThat(stopped.path("paused").asText()).isEmpty();
    assertThat(stopped.path("run_id").asText()).isEqualTo(runId);
    assertThat(running()).as("containers left running; the daemon said:\n" + daemon.output()).isEmpty();
    assertThat(stopped.path("components").findValuesAsText("state"))
        .allMatch(s -> s.equals("stopped") || s.equals("waiting"));

    List<Long> sequences = sequences(journal);
    assertThat(sequences).as("the journal's sequences").isNotEmpty();
    for (int i = 0; i < sequences.size(); i++) {
      assertThat(sequences.get(i)).as("entry " + (i + 1) + " of " + journal).isEqualTo(i + 1L);
    }
    String log = daemon.output();
    assertThat(log.lines().filter(l -> l.contains("run " + runId + " paused: "))).hasSize(1);
    assertThat(log).contains("run " + runId + " goes on: its journal can be written again");
    JsonNode history = get("/api/v1/history").path("runs").get(0);
    assertThat(history.path("run_id").asText()).isEqualTo(runId);
    assertThat(history.path("outcome").asText()).as(history.toString()).isEqualTo("stopped");

    // The daemon needs no restart: the app starts again.
    long restart = System.nanoTime();
    assertThat(post("start").statusCode()).isBetween(200, 202);
    JsonNode again = daemon.awaitSettled(SETTLE);
    assertThat(again.path("state").asText()).as(daemon.output()).isEqualTo("started");
    System.out.printf("disk full: paused %.1f s after the disk filled; stopped %.1f s after space"
        + " returned; started again in %.1f s; journal of %d entries read back whole%n",
        pausedAfter, stoppedAfter, seconds(restart), sequences.size());
    System.out.println("what the daemon said of it:");
    daemon.output().lines().filter(l -> l.startsWith("WARN") || l.startsWith("ERROR")
        || l.contains(" goes on: ")).forEach(l -> System.out.println("  " + l));
  }

  private void configure() throws IOException {
    int port = TestSpecs.freePort();
    base = "http://127.0.0.1:" + port;
    Path spec = TestSpecs.write(dir, "slow-listen.yml", Map.of("APP", app));
    Files.writeString(dir.resolve("tugboat.yml"), "listen: 127.0.0.1:" + port
        + "\nstate_dir: state\ntls: off\napp: " + spec.getFileName() + "\nintegration_port: "
        + TestSpecs.freePort() + "\n");
  }

  /** Writes zeros until the file system refuses more. */
  private static void fill(Path file) throws IOException, InterruptedException {
    Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + file, "bs=64k")
        .redirectErrorStream(true).start();
    String out = new String(dd.getInputStream().readAllBytes());
    dd.waitFor();
    assertThat(out).as("dd").contains("No space left on device");
  }

  private static List<Path> journals(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (var files = Files.list(runs)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList();
    }
  }

  private static Path awaitNewJournal(Path runs, List<Path> before) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      List<Path> now = new ArrayList<>(journals(runs));
      now.removeAll(before);
      if (!now.isEmpty()) {
        return now.get(0);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no new journal in " + runs);
  }

  /** Each line of the journal as JSON, its sequence; fails on a line that is not whole. */
  private static List<Long> sequences(Path journal) throws IOException {
    String text = Files.readString(journal);
    assertThat(text).endsWith("\n");
    List<Long> sequences = new ArrayList<>();
    for (String line : text.split("\n")) {
      sequences.add(JSON.readTree(line).path("sequence").asLong(-1));
    }
    return sequences;
  }

  /**
   * Asks each container's own state, not the engine's list: the engine sends a container's die
   * event (which is when the status may say stopped) before it has cleaned up and updated the list
   * that {@code docker ps} reads, so the list can still say running for a moment; inspect waits
   * for that clean-up.
   */
  private List<String> running() throws IOException, InterruptedException {
    String ids = DockerCli.run("ps", "-a", "-q", "--filter", "label=dev.tugboat.app=" + app);
    if (ids.isBlank()) {
      return List.of();
    }
    List<String> command = new java.util.ArrayList<>(List.of("inspect", "--format",
        "{{.State.Running}} {{.Name}}"));
    command.addAll(List.of(ids.strip().split("\n")));
    return DockerCli.run(command.toArray(String[]::new)).lines()
        .filter(line -> line.startsWith("true "))
        .map(line -> line.substring("true /".length()))
        .toList();
  }

  private JsonNode awaitState(String wanted, Duration timeout) throws Exception {
    return awaitStatus(s -> s.path("state").asText().equals(wanted), timeout);
  }

  private JsonNode awaitStatus(java.util.function.Predicate<JsonNode> done, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status = status();
    while (!done.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status not reached in " + timeout.toSeconds() + " s: " + status
            + "\n" + daemon.output());
      }
      Thread.sleep(50);
      status = status();
    }
    return status;
  }

  private JsonNode status() throws IOException, InterruptedException {
    return daemon.status();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String action) {
    try {
      return http.send(request("/api/v1/app/" + action)
          .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("POST app/" + action + ": " + e, e);
    }
  }

  private HttpRequest.Builder request(String path) throws IOException {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + Files.readString(state.resolve("token")).strip());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
