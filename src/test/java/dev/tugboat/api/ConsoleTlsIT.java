package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.testing.BuiltJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over TLS, from the built jar as an operator runs it: a daemon listening on every
 * address speaks TLS with a certificate it made itself, curl and Chromium reach the dashboard with
 * it, plain HTTP gets nothing, and the CLI trusts the certificate from the state directory.
 */
class ConsoleTlsIT {

  private static final Duration START = Duration.ofSeconds(60);
  @TempDir Path dir;
  private final String app = "tls-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeContainers() throws Exception {
    String ids = run(List.of("docker", "ps", "-aq", "--filter", "label=dev.tugboat.app=" + app));
    for (String id : ids.split("\\s+")) {
      if (!id.isBlank()) {
        run(List.of("docker", "rm", "-f", id));
      }
    }
  }

  @Test
  void beyondLoopbackTheConsoleSpeaksTlsWithItsOwnCertificate() throws Exception {
    int port = freePort();
    Path spec = Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: %s
        components:
        - name: web
          containers:
          - source: public
            image_name: tugboat-test/busybox
            version: "1"
            cmd: '["sleep", "300"]'
        """.formatted(app));
    Path config = Files.writeString(dir.resolve("tugboat.yml"), "listen: 0.0.0.0:" + port + "\n"
        + "state_dir: " + dir.resolve("state") + "\napp: " + spec + "\nintegration_port: "
        + freePort() + "\n");
    try (DaemonProcess daemon = DaemonProcess.serve(config)) {
      daemon.awaitOutput("API listening on https://127.0.0.1:" + port, START);
      Path cert = dir.resolve("state/tls/cert.pem");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
          dir.resolve("state/tls/key.pem")))).isEqualTo("rw-------");
      X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)));
      String fingerprint = java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(
          MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
      assertThat(daemon.output()).contains("SHA-256 " + fingerprint);

      String url = "https://127.0.0.1:" + port;
      assertThat(run(List.of("curl", "-sS", "--cacert", cert.toString(), url + "/healthz")))
          .contains("\"status\"");
      assertThat(run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
          "--cacert", cert.toString(), "-H", "Host: localhost", url + "/api/v1/status")))
          .isEqualTo("401");
      // plain HTTP on the TLS port gets no answer a client could take for the API's
      assertThat(run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
          "--max-time", "5", "http://127.0.0.1:" + port + "/healthz"))).doesNotContain("200");

      String status = run(List.of("java", "-jar", BuiltJar.path(), "status",
          "--config", config.toString()));
      assertThat(status).contains("console: https://127.0.0.1:" + port
          + " (TLS, certificate SHA-256 " + fingerprint + ")");

      String token = Files.readString(dir.resolve("state/token")).strip();
      String spki = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded()));
      // The page loads once no container is starting (Page.open also waits for the host's
      // addresses to settle): Chromium fails the loads it is setting up whenever an address of
      // the host comes or goes, as a container's does (see TentativeAddresses).
      AppStatus.awaitState(AppStatus.trusting(cert), url, token, "started", START, daemon);
      try (Chromium chromium = Chromium.launch("--ignore-certificate-errors-spki-list=" + spki);
          Page page = chromium.openPage()) {
        page.open(url + "/#token=" + token);
        page.waitForText("#app-state", "started", START);
        page.awaitDashboardLoaded(START);
        assertThat(page.eval("location.protocol").asText()).isEqualTo("https:");
        page.screenshot(Path.of("target/dashboard-over-tls.png"));
        assertThat(page.pageErrors()).as("script errors and refusals on the page").isEmpty();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end: " + output);
    }
    return output.strip();
  }
}
