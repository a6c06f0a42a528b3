package dev.tugboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.PreparedContainer;
import dev.tugboat.orchestrator.RunState;
import dev.tugboat.orchestrator.SupportExcludedEnv;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEnvLauncherTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      config:
      - name: main
        items:
        - {name: key_var, type: text, default: VENDOR_KEY}
        - {name: api_key, type: text, default: key-123}
      components:
      - name: web
        containers:
        - source: public
          image_name: tugboat-test/busybox
          version: "1"
          env_vars:
          - {name: '{{repl ConfigOption "key_var"}}', value: 'k:{{repl ConfigOption "api_key"}}', is_excluded_from_support: true}
          - {name: DB_URL, value: 'postgres://app:pw@{{repl ThisHostPrivateIpAddress}}', is_excluded_from_support: true}
          - {name: PLAIN, value: shown}
      """;

  @Test
  void reportsTheRenderedValueOfEachEnvVarExcludedFromSupportEvenUnderATemplatedName(
      @TempDir Path dir) throws Exception {
    Path specFile = Files.writeString(dir.resolve("app.yml"), SPEC);
    CheckedSpec spec = SpecCheck.check(new SpecLoader().load(specFile));
    AppPreparer.Prepared prepared = AppPreparer.plan(spec, new AppPreparer.Options(specFile, null,
        List.of(), new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of()),
        ImageRegistries.none(), Clock.systemUTC()));
    List<List<String>> reported = new ArrayList<>();
    ContainerKey web = prepared.plan().containers().get(0).key();

    PreparedContainer container = prepared.reportingSecrets(reported::add).launcher()
        .prepare(web, RunState.initial("run-1", prepared.plan(), Instant.EPOCH));

    assertThat(reported).containsExactly(List.of("k:key-123", "postgres://app:pw@10.0.0.5"));
    assertThat(SupportExcludedEnv.names(container.config().labels()))
        .containsExactly("VENDOR_KEY", "DB_URL");
    assertThat(container.config().env()).containsEntry("VENDOR_KEY", "k:key-123")
        .containsEntry("PLAIN", "shown");
  }
}
