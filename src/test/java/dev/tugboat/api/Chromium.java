package dev.tugboat.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium from the system's packages (scripts/setup-browser.sh installs it), with a fresh
 * profile and nothing that reaches the network on its own, driven through its DevTools protocol.
 * A missing browser fails the test: it is a prerequisite of the suite, not an option.
 */
final class Chromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /** Starts the browser ({@code tugboat.chromium} names another binary than {@code chromium}). */
  static Chromium launch() throws IOException {
    String binary = System.getProperty("tugboat.chromium", "chromium");
    Path profile = Files.createTempDirectory("tugboat-chromium-");
    List<String> command = List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900",
        "about:blank");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new AssertionError("Chromium could not be started (" + e.getMessage()
          + "); run scripts/setup-browser.sh to install Debian's chromium package", e);
    }
    return new Chromium(process, profile);
  }

  /** Opens a DevTools session on the browser's page, waiting at most 30 s for the browser to be up. */
  Page openPage() throws Exception {
    URI browser = awaitEndpoint(Duration.ofSeconds(30));
    URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
    JsonNode targets = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page")) {
        return new Page(DevTools.connect(URI.create(target.path("webSocketDebuggerUrl").asText())));
      }
    }
    throw new AssertionError("Chromium has no page target: " + targets);
  }

  /** Reads the browser's stderr until it names its DevTools endpoint, keeping every line. */
  private URI awaitEndpoint(Duration timeout) throws Exception {
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.add(line);
          Matcher match = LISTENING.matcher(line);
          if (match.find()) {
            endpoint.complete(URI.create(match.group(1)));
          }
        }
      } catch (IOException e) {
        endpoint.completeExceptionally(e);
      }
      endpoint.completeExceptionally(new IllegalStateException("Chromium exited"));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return endpoint.get(timeout.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError("Chromium did not open its DevTools endpoint within "
          + timeout.toSeconds() + " s; its output:\n" + String.join("\n", output), e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
