package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.FakeApp;
import dev.tugboat.api.FakeLicenses;
import dev.tugboat.api.NoBufferLeaks;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat license install|show} and the license line of {@code status}, against a real API server. */
@ExtendWith(NoBufferLeaks.class)
class LicenseCommandTest {

  @TempDir Path dir;
  private final FakeApp app = new FakeApp();
  private final FakeLicenses licenses = new FakeLicenses();
  private ApiServer server;
  private String config;

  @BeforeEach
  void serve() throws Exception {
    server = ApiServer.start(new InetSocketAddress("127.0.0.1", 0), app, licenses, "tok", java.util.Set.of(),
        ApiLimits.defaults(), 1);
    config = ClientConfig.forDaemonAt(dir, server.address().getPort());
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void installSendsTheFileAndPrintsTheLicense() throws Exception {
    Path file = Files.writeString(dir.resolve("acme.yml"), "license_id: 7a4fe1d2c9\n");
    CliRun run = CliRun.of("license", "install", file.toString(), "--config", config);
    assertThat(run.exitCode()).isZero();
    assertThat(licenses.installs).containsExactly(file + ": license_id: 7a4fe1d2c9\n");
    assertThat(run.out()).isEqualTo("""
        installed license: 7a4fe1d2c9 for Example Corp, app acme-analytics, expires 2027-01-31
        channel: Stable
        type: paid
        expiration policy: refuse-start
        file: /state/license.yml
        fields:
          maximum_users  25
          edition        enterprise
          sso            true
        a restart applies it to the app's containers: tugboat restart
        """);
  }

  @Test
  void aRefusedFileSaysWhyAndExits1() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yml"), "app_id: a1\n");
    CliRun run = CliRun.of("license", "install", file.toString(), "--config", config);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("tugboat license install: the license " + file + " is refused:"
        + " 'license_id' is missing; the installed license was not changed\n");
    assertThat(CliRun.of("license", "install", dir.resolve("none.yml").toString(), "--config",
        config).exitCode()).isEqualTo(2);
  }

  @Test
  void showAndStatusTellTheExpiry() {
    assertThat(CliRun.of("license", "show", "--config", config).out())
        .isEqualTo("license: none installed (tugboat license install FILE installs one)\n");
    assertThat(CliRun.of("status", "--config", config).out()).doesNotContain("license");
    licenses.view = FakeLicenses.acme();
    var expired = FakeLicenses.acme();
    licenses.view = new dev.tugboat.api.LicenseView(true, expired.file(), expired.licenseId(),
        expired.appId(), expired.assignee(), expired.channel(), expired.licenseType(),
        expired.expirationDate(), expired.expiresAt(), true, expired.expirationPolicy(),
        expired.fields(), "");
    assertThat(CliRun.of("status", "--config", config).out()).endsWith("license: 7a4fe1d2c9 for"
        + " Example Corp, app acme-analytics, EXPIRED on 2027-01-31\n");
    assertThat(CliRun.of("license", "show", "--json", "--config", config).out())
        .contains("\"expired\" : true");
  }
}
