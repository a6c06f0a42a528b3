package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.spec.AdminCommandSpec;
import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.SpecLoader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminTargetTest {

  private static final AppSpec SPEC = load("""
      components:
      - name: db
        containers:
        - source: public
          image_name: tugboat-test/postgres
          version: "15"
      - name: replica
        containers:
        - source: public
          image_name: tugboat-test/postgres
          version: "15"
      - name: app
        containers:
        - source: public
          image_name: tugboat-test/app
          version: '{{repl ConfigOption "app_version"}}'
      admin_commands:
      - alias: psql
        command: [psql]
        run_type: exec
        image: {image_name: tugboat-test/postgres, version: "15"}
      - alias: shell
        command: [sh]
        run_type: exec
        image: {image_name: tugboat-test/app, version: "2"}
      - alias: redis
        command: [redis-cli]
        run_type: exec
        image: {image_name: redis, version: "7"}
      - alias: db-shell
        command: [sh]
        run_type: exec
        component: db
        container: tugboat-test/postgres
      """);

  @Test
  void anImageCommandRunsInTheOneRunningInstanceOfThatImage() {
    RunStatus run = run(container("db/tugboat-test/postgres", "running", "c1"),
        container("replica/tugboat-test/postgres", "stopped", "c2"));

    assertThat(AdminTarget.key(SPEC, command("psql"), run)).isEqualTo("db/tugboat-test/postgres");
  }

  @Test
  void aTemplatedVersionIsKnownOnlyWhenRenderedSoTheImageNameDecides() {
    RunStatus run = run(container("app/tugboat-test/app", "running", "c3"));

    assertThat(AdminTarget.key(SPEC, command("shell"), run)).isEqualTo("app/tugboat-test/app");
  }

  @Test
  void severalRunningInstancesAreRefusedNamingThem() {
    RunStatus run = run(container("db/tugboat-test/postgres", "running", "c1"),
        container("replica/tugboat-test/postgres", "running", "c2"));

    assertThatThrownBy(() -> AdminTarget.key(SPEC, command("psql"), run))
        .isInstanceOfSatisfying(AppRefusal.class, e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("admin command 'psql' runs in image tugboat-test/postgres:15, which several"
            + " running containers use: db/tugboat-test/postgres, replica/tugboat-test/postgres;"
            + " name one with component and container in the spec's admin_commands entry");
  }

  @Test
  void noRunningInstanceIsRefusedSayingWhatEachContainerOfTheImageIs() {
    RunStatus run = run(container("db/tugboat-test/postgres", "failed", "c1"));

    assertThatThrownBy(() -> AdminTarget.key(SPEC, command("psql"), run))
        .isInstanceOfSatisfying(AppRefusal.class, e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("admin command 'psql' runs in image tugboat-test/postgres:15, but no instance"
            + " of it is running: db/tugboat-test/postgres is failed,"
            + " replica/tugboat-test/postgres is not started");
  }

  @Test
  void anImageNoContainerUsesIsRefused() {
    assertThatThrownBy(() -> AdminTarget.key(SPEC, command("redis"), run()))
        .isInstanceOfSatisfying(AppRefusal.class, e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("admin command 'redis' runs in image redis:7, but no container of the spec"
            + " uses that image");
  }

  @Test
  void componentAndContainerNameTheContainerDirectly() {
    assertThat(AdminTarget.key(SPEC, command("db-shell"), run()))
        .isEqualTo("db/tugboat-test/postgres");
  }

  private static AdminCommandSpec command(String alias) {
    return SPEC.adminCommands().stream().filter(c -> c.alias().equals(alias)).findFirst()
        .orElseThrow();
  }

  private static RunStatus run(RunStatus.ContainerStatus... containers) {
    return new RunStatus("run-1", "demo", AppPhase.STARTED, "started", 5,
        Instant.parse("2026-01-01T00:00:00Z"), false, List.of(containers), List.of());
  }

  private static RunStatus.ContainerStatus container(String key, String state, String id) {
    return new RunStatus.ContainerStatus(key, "tugboat-" + key.replace('/', '-'), id, state, state,
        null, 0, List.of(), List.of(), "root", "", List.of());
  }

  private static AppSpec load(String body) {
    try {
      return new SpecLoader().load("replicated_api_version: 2.8.0\nname: Admin\nversion: \"1\"\n"
          + body, "admin.yml").spec();
    } catch (dev.tugboat.spec.SpecLoadException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
