package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard end to end, as an operator uses it: the built jar runs {@code tugboat serve} on the
 * migration sample against the real Docker Engine, headless Chromium opens the page with the
 * token once the sample is {@code started} (PostgreSQL, the migration and the app), reads the
 * migration's output, clicks Stop and sees the app stop as the events stream in. Screenshots land
 * in target/dashboard-*.png. Needs Docker, the demo images (scripts/build-demo-images.sh) and
 * Chromium (scripts/setup-browser.sh); fails without them.
 */
class DashboardBrowserIT {

  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration STOP = Duration.ofSeconds(90);

  // Unique per run: the sample's app name, volume and ports would collide with a demo or another
  // test on this engine.
  private final String app = "it-dashboard-" + UUID.randomUUID().toString().substring(0, 8);
  private final String volume = app + "-pgdata";

  @AfterEach
  void removeTheAppsContainersAndVolume() throws Exception {
    String names = docker("ps", "-aq", "--filter", "label=dev.tugboat.app=" + app);
    for (String id : names.isEmpty() ? List.<String>of() : List.of(names.split("\n"))) {
      docker("rm", "-f", id);
    }
    docker("volume", "rm", "-f", volume);
  }

  @Test
  void theMigrationSampleComesUpAndStopsFromTheDashboard(@TempDir Path dir) throws Exception {
    docker("image", "inspect", "--format", "{{.Id}}", "tugboat-demo/postgres:15", "tugboat-demo/app:1");
    int apiPort = freePort();
    Path config = daemonConfig(dir, apiPort, sampleCopy(dir));

    try (DaemonProcess daemon = DaemonProcess.serve(config)) {
      daemon.awaitOutput("API listening on", Duration.ofSeconds(60));
      String token = Files.readString(dir.resolve("state/token")).strip();
      // The page loads once no container is starting (Page.open also waits for the host's
      // addresses to settle): Chromium fails the loads it is setting up whenever an address of
      // the host comes or goes, as a container's does (see TentativeAddresses).
      AppStatus.awaitState("http://127.0.0.1:" + apiPort, token, "started", START, daemon);
      try (Chromium chromium = Chromium.launch(); Page page = chromium.openPage()) {
        page.viewport(1280, 900);
        page.open("http://127.0.0.1:" + apiPort + "/#token=" + token);
        page.waitForText("#app-state", "started", START);
        page.awaitDashboardLoaded(START);
        assertThat(page.text("#connection")).isEqualTo("Live");
        useTheStartedApp(page);

        page.click("#btn-stop");
        page.waitForText("#app-state", "stopped", STOP);
        // The page follows the event stream: the stop goes on after the daemon's 202, and the
        // read that showed 'stopped' was one an event asked for, not a poll (those are 30 s apart).
        assertThat(page.eval("document.getElementById('connection').dataset.refresh").asText())
            .isEqualTo("event");
        assertThat(row(page, "app/tugboat-demo/app")).isEqualTo("stopped");
        page.screenshot(Path.of("target/dashboard-stopped.png"));
        assertThat(page.pageErrors()).as("script errors and refusals on the page").isEmpty();
      }
    }
  }

  /** What an operator reads on the started sample: the rows, the timeline, the config, a log. */
  private static void useTheStartedApp(Page page) throws Exception {
    assertThat(row(page, "db/tugboat-demo/postgres")).isEqualTo("running");
    assertThat(row(page, "migration/tugboat-demo/app")).isEqualTo("completed");
    assertThat(page.text("tr[data-container='migration/tugboat-demo/app'] td[data-label='Exit code']"))
        .isEqualTo("0");
    assertThat(row(page, "app/tugboat-demo/app")).isEqualTo("running");
    assertThat(page.text("#timeline")).contains("“PostgreSQL accepts connections” fired")
        .contains("“Migration finished” fired");
    page.waitUntil("the config form", "document.querySelector('.config-form')", START);
    assertThat(page.eval("document.querySelector(\"[data-item='db_password'] input\").value")
        .asText()).isEmpty();
    page.click("tr[data-container='migration/tugboat-demo/app'] button");
    page.waitForText("#logs-text", "has every migration of app version 1", STOP);
    page.screenshot(Path.of("target/dashboard-started.png"));
  }

  private static String row(Page page, String container) throws Exception {
    return page.text("tr[data-container='" + container + "'] .badge");
  }

  /** The project's migration sample with this run's app name, volume and host ports. */
  private Path sampleCopy(Path dir) throws IOException {
    String sample = Files.readString(Path.of("samples/migration-app.yml"));
    int pgPort = freePort();
    int appPort = freePort();
    String copy = replaceOnce(sample, "name: Tugboat Migration Demo\n", "name: " + app + "\n");
    copy = replaceOnce(copy, "host_path: tugboat-demo-pgdata\n", "host_path: " + volume + "\n");
    copy = replaceOnce(copy, "public_port: \"5432\"", "public_port: \"" + pgPort + "\"");
    copy = replaceOnce(copy, "public_port: \"8000\"", "public_port: \"" + appPort + "\"");
    copy = replaceOnce(copy, ":8000/health'", ":" + appPort + "/health'");
    Path spec = dir.resolve("migration-app.yml");
    Files.writeString(spec, copy);
    return spec;
  }

  /** Fails when the sample no longer has the text: the copy would silently collide otherwise. */
  private static String replaceOnce(String text, String from, String to) {
    assertThat(text).as("samples/migration-app.yml").containsOnlyOnce(from);
    return text.replace(from, to);
  }

  private static Path daemonConfig(Path dir, int port, Path spec) throws IOException {
    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + port + "\n"
        + "state_dir: " + dir.resolve("state") + "\n"
        + "app: " + spec + "\n");
    return config;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + output);
    }
    return output.strip();
  }
}
