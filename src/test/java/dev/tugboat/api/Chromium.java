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
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  static Chromium launch(String... extraFlags) throws IOException {
    String binary = System.getProperty("tugboat.chromium", "chromium");
    Path profile = Files.createTempDirectory("tugboat-chromium-");
    List<String> command = new java.util.ArrayList<>(List.of(binary, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900"));
    command.addAll(List.of(extraFlags));
    command.add("about:blank");
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
    // Chromium's helper processes (network service, renderers) outlive its main one for a moment
    // and keep writing into the profile: end them all before the profile is deleted.
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        handle.destroyForcibly();
      }
    }
    deleteProfile();
  }

  /** Deletes the profile; a file that went away meanwhile is not an error. */
  private void deleteProfile() throws IOException {
    Files.walkFileTree(profile, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
