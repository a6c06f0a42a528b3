package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.LicenseView;
import dev.tugboat.license.LicenseStore;
import dev.tugboat.license.LicensedApp;
import dev.tugboat.license.Releases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseDeskTest {

  private static final String LICENSE = """
      license_id: l1
      app_id: a1
      assignee: Example Corp
      expiration_date: 2027-01-31
      fields:
        maximum_users: 25
      """;
  @TempDir Path state;
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

  private LicenseDesk desk(Instant now) {
    return new LicenseDesk(new LicenseStore(state), Clock.fixed(now, ZoneOffset.UTC),
        new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), DaemonConfig.LogFormat.TEXT,
            Clock.fixed(now, ZoneOffset.UTC)));
  }

  @Test
  void installShowsAndGivesTheLicenseToARun() {
    LicenseDesk desk = desk(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(desk.current().installed()).isFalse();
    LicenseView view = desk.install("acme.yml", LICENSE.getBytes(StandardCharsets.UTF_8)).join();
    assertThat(view.installed()).isTrue();
    assertThat(view.assignee()).isEqualTo("Example Corp");
    assertThat(view.expired()).isFalse();
    assertThat(view.fields()).containsExactly(
        new LicenseView.Field("maximum_users", "25", "Integer"));
    LicensedApp run = desk.forRun(Releases.none());
    assertThat(run.license().orElseThrow().licenseId()).isEqualTo("l1");
    assertThat(run.source()).isEqualTo(state.resolve("license.yml").toString());
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("license l1 installed for"
        + " Example Corp");
  }

  @Test
  void expiryFollowsTheClock() {
    desk(Instant.parse("2026-06-01T00:00:00Z")).install("l.yml",
        LICENSE.getBytes(StandardCharsets.UTF_8)).join();
    assertThat(desk(Instant.parse("2027-02-01T00:00:00Z")).current().expired()).isTrue();
  }

  @Test
  void aRefusedLicenseIs400AndKeepsTheInstalledOne() {
    LicenseDesk desk = desk(Instant.parse("2026-06-01T00:00:00Z"));
    desk.install("l.yml", LICENSE.getBytes(StandardCharsets.UTF_8)).join();
    assertThatThrownBy(() -> desk.install("bad.yml", "app_id: x\n"
        .getBytes(StandardCharsets.UTF_8)).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(AppRefusal.class)
        .hasMessage("the license bad.yml is refused: 'license_id' is missing; every license names"
            + " it; the installed license was not changed");
    assertThat(desk.current().licenseId()).isEqualTo("l1");
  }

  @Test
  void aDamagedFileIsShownAndRefusesAStart() throws Exception {
    Files.writeString(state.resolve("license.yml"), "license_id: [");
    LicenseDesk desk = desk(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(desk.current().installed()).isFalse();
    assertThat(desk.current().error()).contains("is refused: it is not YAML or JSON");
    assertThatThrownBy(() -> desk.forRun(Releases.none()))
        .isInstanceOf(AppRefusal.class)
        .hasMessageContaining("install a good one with tugboat license install FILE; nothing was"
            + " started");
  }
}
