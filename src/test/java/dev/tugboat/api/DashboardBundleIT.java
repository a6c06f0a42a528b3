package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.cli.TugboatCommand;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's bundle upload, as an operator uses it: the built jar serves a small busybox app
 * (version 1); version 2's image, a uniquely tagged copy of the busybox test image, is only in a
 * bundle. In headless Chromium a bundle with one byte changed is refused with the part named and
 * nothing loaded; the good one is checked (dry run: the changes, nothing loaded), then uploaded
 * with its progress shown, and the app runs version 2. Needs Docker, the test images
 * (scripts/build-images.sh) and Chromium (scripts/setup-browser.sh).
 */
class DashboardBundleIT {

  private static final Duration START = Duration.ofSeconds(120);
  private final String app = "it-dash-bundle-" + UUID.randomUUID().toString().substring(0, 8);
  private final String image = "tugboat-bundle-it/busybox:" + UUID.randomUUID().toString()
      .substring(0, 12);

  @BeforeEach
  void tagTheTestImage() throws Exception {
    docker("tag", "tugboat-test/busybox:1", image);
  }

  @AfterEach
  void removeTheAppAndTheImage() throws Exception {
    String ids = docker("ps", "-aq", "--filter", "label=dev.tugboat.app=" + app);
    for (String id : ids.isEmpty() ? List.<String>of() : List.of(ids.split("\n"))) {
      docker("rm", "-f", id);
    }
    if (!docker("images", "-q", image).isEmpty()) {
      docker("rmi", image);
    }
  }

  @Test
  void aChangedBundleIsRefusedAndAGoodOneUpgradesTheApp(@TempDir Path dir) throws Exception {
    Path v1 = spec(dir, "v1.yml", "1", "tugboat-test/busybox:1");
    Path v2 = spec(dir, "v2.yml", "2", image);
    Path bundle = dir.resolve(app + "-2.tar");
    assertThat(TugboatCommand.commandLine().execute("bundle", "create", v2.toString(), "-o",
        bundle.toString())).isZero();
    docker("rmi", image);
    Path tampered = dir.resolve("tampered.tar");
    byte[] bytes = Files.readAllBytes(bundle);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(tampered, bytes);
    int port = freePort();
    Path config = Files.writeString(dir.resolve("tugboat.yml"), "listen: 127.0.0.1:" + port
        + "\nstate_dir: " + dir.resolve("state") + "\napp: " + v1 + "\nintegration_port: "
        + freePort() + "\n");

    try (DaemonProcess daemon = DaemonProcess.serve(config)) {
      daemon.awaitOutput("API listening on", Duration.ofSeconds(60));
      String token = Files.readString(dir.resolve("state/token")).strip();
      // The page loads once no container is starting (Page.open also waits for the host's
      // addresses to settle): Chromium fails the loads it is setting up whenever an address of
      // the host comes or goes, as a container's does (see TentativeAddresses).
      AppStatus.awaitState("http://127.0.0.1:" + port, token, "started", START, daemon);
      try (Chromium chromium = Chromium.launch(); Page page = chromium.openPage()) {
        upgradeFromThePage(page, port, token, tampered, bundle);
      }
    }
  }

  /** Refuses the tampered bundle, dry-runs the good one, then applies it, all from the page. */
  private void upgradeFromThePage(Page page, int port, String token, Path tampered, Path bundle)
      throws Exception {
    page.viewport(1280, 900);
    page.open("http://127.0.0.1:" + port + "/#token=" + token);
    page.waitForText("#app-state", "started", START);
    page.awaitDashboardLoaded(START);

    page.chooseFile("#bundle-file", tampered);
    page.click("#bundle-apply");
    page.waitUntil("the refusal", "document.getElementById('bundle-result').dataset.verdict"
        + " === 'refused'", START);
    assertThat(page.text("#bundle-result")).contains("Refused: tampered.tar: part images/")
        .contains("does not match its SHA-256 in manifest.json")
        .contains("nothing was loaded or changed");
    assertThat(docker("images", "-q", image)).isEmpty();
    page.clearPageErrors();

    page.chooseFile("#bundle-file", bundle);
    page.click("#bundle-check");
    page.waitUntil("the dry run", "document.getElementById('bundle-result').dataset.verdict"
        + " === 'ok'", START);
    assertThat(page.text("#bundle-result")).contains("was verified; nothing was loaded")
        .contains(app + " 1 → " + app + " 2")
        .contains("+ container web/tugboat-bundle-it/busybox");
    assertThat(docker("images", "-q", image)).isEmpty();

    page.click("#bundle-apply");
    page.waitUntil("the upgrade", "document.getElementById('bundle-result').textContent"
        + ".includes('loaded 1 image')", START);
    assertThat(page.eval("document.getElementById('bundle-progress').max").asLong())
        .as("the upload's progress was shown").isEqualTo(Files.size(bundle));
    page.waitForText("#app-state", "started", START);
    page.waitUntil("version 2", "document.getElementById('app-meta').textContent"
        + ".includes('version 2')", START);
    page.screenshot(Path.of("target/dashboard-bundle.png"));
    assertThat(docker("images", "-q", image)).isNotEmpty();
    assertThat(page.pageErrors()).as("script errors on the page").isEmpty();
  }

  private Path spec(Path dir, String file, String version, String reference) throws IOException {
    int colon = reference.lastIndexOf(':');
    return Files.writeString(dir.resolve(file), "replicated_api_version: 2.38.0\n"
        + "name: \"" + app + "\"\nversion: \"" + version + "\"\ncomponents:\n- name: web\n"
        + "  containers:\n  - source: public\n    image_name: " + reference.substring(0, colon)
        + "\n    version: \"" + reference.substring(colon + 1) + "\"\n"
        + "    cmd: '[\"sh\", \"-c\", \"trap \\\"exit 0\\\" TERM; while true; do sleep 0.2; done\"]'\n"
        + "    stop_timeout: 2\n", StandardCharsets.UTF_8);
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
