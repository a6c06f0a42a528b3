package dev.tugboat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.events.ContainerKey;
import dev.tugboat.orchestrator.ContainerKeys;
import dev.tugboat.orchestrator.Launcher;
import dev.tugboat.orchestrator.PreparedContainer;
import dev.tugboat.orchestrator.ReadyProbe;
import dev.tugboat.orchestrator.RunState;
import dev.tugboat.runtime.ContainerConfig;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEnvLauncherTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      components:
      - name: web
        containers:
        - source: public
          image_name: tugboat-test/busybox
          version: "1"
          env_vars:
          - {name: DB_URL, value: 'postgres://app:pw@{{repl HostPrivateIpAddress "db" "postgres"}}', is_excluded_from_support: true}
          - {name: PLAIN, value: shown}
      """;

  @Test
  void reportsTheRenderedValueOfEachEnvVarExcludedFromSupport(@TempDir Path dir) throws Exception {
    AppSpec spec = new SpecLoader().load(Files.writeString(dir.resolve("app.yml"), SPEC)).spec();
    Launcher rendered = new Launcher() {
      @Override
      public PreparedContainer prepare(ContainerKey key, RunState state) {
        return new PreparedContainer(ContainerConfig.builder("tugboat-test/busybox:1")
            .env("DB_URL", "postgres://app:pw@10.0.0.7").env("PLAIN", "shown").build(), List.of());
      }

      @Override
      public ReadyProbe readyProbe(RunState state) {
        throw new UnsupportedOperationException();
      }
    };
    List<List<String>> reported = new ArrayList<>();

    new SecretEnvLauncher(rendered, new ContainerKeys(spec), reported::add)
        .prepare(new ContainerKeys(spec).keys().get(0), null);

    assertThat(reported).containsExactly(List.of("postgres://app:pw@10.0.0.7"));
  }
}
