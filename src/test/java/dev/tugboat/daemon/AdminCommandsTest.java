package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.AppService.AdminResult;
import dev.tugboat.runtime.ExecResult;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin command whose {@code when} is false with the stored settings is refused, and runs once
 * a setting makes it true, without a restart: the settings are read when the command is asked for.
 */
class AdminCommandsTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      config:
      - name: tools
        title: Tools
        items:
        - name: debug_tools
          title: Debug tools
          type: bool
          default: "0"
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
      admin_commands:
      - alias: vacuum
        command: [vacuumdb, --all]
        component: db
        container: postgres
        when: '{{repl ConfigOptionEquals "debug_tools" "1"}}'
      - alias: ps
        command: [ps]
        component: db
        container: postgres
      """;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  @Test
  void aCommandIsOfferedOnlyWhileItsWhenHolds() throws Exception {
    Files.writeString(dir.resolve("app.yml"), SPEC);
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    runtime.scriptNamed("tugboat-demo-db-postgres-1")
        .execAnswers(List.of("vacuumdb", "--all"), ExecResult.of(0, "vacuumed\n"))
        .execAnswers(List.of("ps"), ExecResult.of(0, "1 postgres\n"));
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));

      assertThatThrownBy(() -> admin(daemon, "vacuum"))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AppRefusal.class)
          .hasMessage("admin command 'vacuum' is not offered with the current settings: its"
              + " when, {{repl ConfigOptionEquals \"debug_tools\" \"1\"}}, is false");
      assertThat(admin(daemon, "ps").output()).isEqualTo("1 postgres\n");
      assertThat(runtime.history()).noneMatch(line -> line.contains("vacuumdb"));

      daemon.app.setConfig(Map.of("debug_tools", "1")).get(5, TimeUnit.SECONDS);
      AdminResult vacuum = admin(daemon, "vacuum");
      assertThat(vacuum.exitCode()).isZero();
      assertThat(vacuum.output()).isEqualTo("vacuumed\n");
    }
  }

  private static AdminResult admin(ControllerUnderTest daemon, String alias) throws Exception {
    return daemon.app.admin(alias, List.of()).get(5, TimeUnit.SECONDS);
  }
}
