package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.RunInputs;
import dev.tugboat.app.SpecCheck;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.license.LicenseFiles;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start's license ({@code tugboat run --license FILE} and the daemon): config values read it; an expired one refuses the start. */
class RunLicenseTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "4"
      config:
      - name: main
        items:
        - {name: seats, type: text, default: '{{repl Add (LicenseFieldValue "maximum_users") 1}}'}
      """;
  private static final String LICENSE = """
      license_id: l1
      app_id: shop
      assignee: Example Corp
      expiration_date: 2027-01-31
      fields:
        maximum_users: 25
      """;
  private final HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1",
      Map.of());
  @TempDir Path dir;

  @Test
  void theLicenseFeedsTheTemplatesOfTheRun() throws Exception {
    RunInputs.Prepared prepared = prepare(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(prepared.inputs().base().configOption("seats")).contains("26");
    assertThat(prepared.inputs().base().app().appId()).isEqualTo("shop");
  }

  @Test
  void anExpiredLicenseRefusesTheRunNamingTheExpiry() {
    assertThatThrownBy(() -> prepare(Instant.parse("2027-01-31T00:00:00Z")))
        .isInstanceOf(RunInputs.InputException.class)
        .hasMessage("the license l1 (Example Corp) expired on 2027-01-31 (expiration_date in "
            + dir.resolve("license.yml") + "); a renewed license is needed: give the vendor's"
            + " license with --license FILE; nothing was started");
  }

  private RunInputs.Prepared prepare(Instant now) throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), SPEC);
    Path license = Files.writeString(dir.resolve("license.yml"), LICENSE);
    CheckedSpec checked = SpecCheck.check(new SpecLoader().load(specFile));
    return RunInputs.of(checked.spec(), checked.templates(), specFile, null, List.of(), host,
        Map.of(),
        Clock.fixed(now, ZoneOffset.UTC), LicenseFiles.forRun(license));
  }
}
