package dev.tugboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInputsTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      cmds:
      - {name: tls, cmd: cert, args: ["1024", "shop.example.com"]}
      config:
      - name: main
        items:
        - {name: ca_cert, type: textarea, default_cmd: {name: tls, value_at: 2}}
      """;

  private final HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());

  @Test
  void runsWithOneSettingsFileShareTheCertificateAuthorityKeptBesideIt(@TempDir Path dir)
      throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), SPEC);
    AppSpec spec = new SpecLoader().load(specFile).spec();
    Path settings = dir.resolve("state/settings.json");

    String first = caOf(spec, specFile, settings);
    String second = caOf(spec, specFile, settings);

    assertThat(first).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(second).isEqualTo(first);
    assertThat(dir.resolve("state/ca.crt")).exists();
  }

  private String caOf(AppSpec spec, Path specFile, Path settings) throws Exception {
    RunInputs.Prepared prepared = RunInputs.of(spec, SpecCheck.check(new SpecLoader().load(specFile)).templates(), specFile, settings, List.of(), host, Map.of(),
        Clock.systemUTC());
    return prepared.inputs().base().configOption("ca_cert").orElseThrow();
  }
}
