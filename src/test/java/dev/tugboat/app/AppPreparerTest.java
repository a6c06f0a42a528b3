package dev.tugboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreparerTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      config:
      - name: main
        items:
        - {name: db_password, type: password}
        - {name: api_key, type: text, default: key-123}
      components:
      - name: web
        containers:
        - source: public
          image_name: tugboat-test/busybox
          version: "1"
          env_vars:
          - {name: API_KEY, value: 'k:{{repl ConfigOption "api_key"}}', is_excluded_from_support: true}
          - {name: PLAIN, value: shown}
      """;

  @Test
  void theMaskerOfARunHidesPasswordsAndEnvVarsExcludedFromSupport(@TempDir Path dir)
      throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), SPEC);
    CheckedSpec spec = SpecCheck.check(new SpecLoader().load(specFile));
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());

    AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(specFile, null,
        List.of("db_password=pg-s3cret"), host, ImageRegistries.none(), Clock.systemUTC()));

    assertThat(prepared.masker().mask("pg-s3cret k:key-123 key-123 shown"))
        .isEqualTo("******** ******** key-123 shown");
  }
}
