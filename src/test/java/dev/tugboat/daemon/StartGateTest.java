package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.events.AppPhase;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon starts (and applies) only a spec that checks as validate checks it and renders with
 * its config values: a template error in the third container refuses the start before the first
 * is created, with the error's file:line:column line as the status and the answer.
 */
class StartGateTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  static final String CHAIN = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      components:
      - name: app
        containers:
        - source: public
          image_name: first
          version: 1
          publish_events:
          - name: first started
            trigger: container-start
            subscriptions:
            - {component: app, container: second, action: start}
        - source: public
          image_name: second
          version: 1
          publish_events:
          - name: second started
            trigger: container-start
            subscriptions:
            - {component: app, container: third, action: start}
        - source: public
          image_name: third
          version: 1
          env_vars:
          - name: WORKERS
            value: '{{repl ParseInt "abc" }}'
      """;

  static final String LINE = "app.yml:28:22: error [template-render]"
      + " components[0].containers[2].env_vars[0].value: error calling ParseInt:"
      + " strconv.ParseInt: parsing \"abc\": invalid syntax";

  @Test
  void aTemplateErrorInTheThirdContainerStartsNothingAndIsTheStatus() throws Exception {
    Files.writeString(dir.resolve("app.yml"), CHAIN);
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      assertThatThrownBy(() -> daemon.app.start().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(AppRefusal.class)
          .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.INVALID))
          .hasMessageEndingWith(LINE);

      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.FAILED);
      assertThat(daemon.app.snapshot().message()).endsWith(LINE);
      assertThat(runtime.history()).noneMatch(call -> call.startsWith("create"));
    }
  }

  @Test
  void aSpecThatValidateRefusesStartsNothing() throws Exception {
    Files.writeString(dir.resolve("app.yml"), CHAIN.replace("ParseInt \"abc\"",
        "ConfigOption \"workers\""));
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      assertThatThrownBy(() -> daemon.app.start().get(10, TimeUnit.SECONDS))
          .cause().isInstanceOf(AppRefusal.class)
          .hasMessageEndingWith("app.yml:28:35: error [config-item-exists]"
              + " components[0].containers[2].env_vars[0].value: no config item named \"workers\";"
              + " name an item of the config screen, or add one");
      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.FAILED);
      assertThat(runtime.history()).noneMatch(call -> call.startsWith("create"));
    }
  }

  @Test
  void applyOfSuchASpecChangesNothing() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), ControllerUnderTest.textStarting("app started"));
      int calls = runtime.history().size();

      assertThatThrownBy(() -> daemon.app.apply("v2.yml",
          CHAIN.replace("app.yml", "v2.yml").getBytes(StandardCharsets.UTF_8), false)
          .get(10, TimeUnit.SECONDS))
          .cause().isInstanceOf(AppRefusal.class)
          .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.INVALID))
          .hasMessageContaining(LINE.replace("app.yml", "v2.yml"))
          .hasMessageEndingWith("; nothing was changed");
      assertThat(runtime.history().subList(calls, runtime.history().size()))
          .noneMatch(call -> call.startsWith("create") || call.startsWith("stop")
              || call.startsWith("remove"));
      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.STARTED);
    }
  }
}
