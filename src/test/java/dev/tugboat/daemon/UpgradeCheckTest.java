package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import dev.tugboat.app.CheckedSpec;
import dev.tugboat.app.SpecCheck;
import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.spec.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks an upgrade makes before it stops the app; they change nothing. */
class UpgradeCheckTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "2"
      config:
      - name: database
        items:
        - name: db_password
          type: password
          required: true
      components:
      - name: app
        containers:
        - source: public
          image_name: web
          version: 2
          env_vars:
          - name: PASSWORD
            value: '{{repl ConfigOption "db_password"}}'
      """;

  @TempDir Path state;
  private final ManualClock clock = new ManualClock();
  private final InMemoryRuntime runtime = new InMemoryRuntime(clock);
  private UpgradeCheck check;
  private Path settings;

  @BeforeEach
  void setUp() throws Exception {
    DaemonConfig config = new DaemonConfig(new InetSocketAddress("127.0.0.1", 0), state,
        Optional.empty(), Optional.empty(), ImageRegistries.none(), Optional.empty(),
        Optional.empty(), DaemonConfig.LogFormat.TEXT, 0);
    HostAddresses host = new HostAddresses("10.0.0.5", "10.0.0.5", "172.17.0.1", Map.of());
    DaemonLog log = new DaemonLog(new PrintStream(new ByteArrayOutputStream()),
        DaemonConfig.LogFormat.TEXT, clock);
    check = new UpgradeCheck(new DaemonSetup(config, host, log, clock,
        new AppConfig(config.settingsFile(), host, clock)), runtime);
    settings = config.settingsFile();
    Files.writeString(settings,
        "{\"format\": 1, \"items\": {\"db_password\": {\"value\": \"kept\"}}}\n");
  }

  @Test
  void aSpecWhoseImagesArePresentPassesAndNothingIsLeftBehind() throws Exception {
    check.require(spec(), SPEC, "v2.yml", settings);
    try (var files = Files.list(state)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("settings.json");
    }
  }

  @Test
  void aMissingImageIsRefusedBeforeAnythingStops() {
    runtime.removeImage("web:2");
    assertThatThrownBy(() -> check.require(spec(), SPEC, "v2.yml", settings))
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("v2.yml needs an image this host does not have; nothing was changed:\n"
            + "  web:2 (for app/web): is not on this host and could not be pulled: load it with"
            + " `docker load -i FILE` (FILE: the image archive shipped with the application), or"
            + " make its registry reachable");
  }

  @Test
  void aSpecThatCannotPlanIsRefusedUnderTheOperatorsName() throws Exception {
    Files.delete(state.resolve("settings.json"));
    assertThatThrownBy(() -> check.require(spec(), SPEC, "v2.yml", settings))
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.INVALID))
        .message().contains("db_password").endsWith("; nothing was changed");
    assertThat(state.resolve("settings.json")).doesNotExist();
  }

  @Test
  void aHostRequirementTheHostDoesNotMeetIsRefusedBeforeAnythingStops() throws Exception {
    String needsMore = SPEC.replace("name: demo\n", "name: demo\nhost_requirements:\n"
        + "  memory: 100TB\n  cpu_cores: 1\n");
    CheckedSpec checked = SpecCheck.check(new SpecLoader().load(needsMore, "v2.yml"));
    assertThatThrownBy(() -> check.require(checked, needsMore, "v2.yml", settings))
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessageStartingWith("v2.yml: a host requirement is not met; nothing was changed:\n"
            + "  memory (app): need 100 TB, have 4 GB: error - not enough memory");
    try (var files = Files.list(state)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("settings.json");
    }
  }

  @Test
  void aLogDriverTheEngineLacksIsRefusedBeforeAnythingStops() throws Exception {
    String splunk = SPEC.replace("- name: app\n", "- name: app\n  log_config: {type: splunk}\n");
    CheckedSpec checked = SpecCheck.check(new SpecLoader().load(splunk, "v2.yml"));
    assertThatThrownBy(() -> check.require(checked, splunk, "v2.yml", settings))
        .isInstanceOf(AppRefusal.class)
        .satisfies(e -> assertThat(((AppRefusal) e).reason()).isEqualTo(AppRefusal.Reason.CONFLICT))
        .hasMessage("v2.yml: the engine lacks a log driver; nothing was changed:\n"
            + "  splunk (log_config of app/web): the engine has json-file, local, journald, syslog"
            + " and none; install the driver's plugin (docker plugin install), or name one of"
            + " these");
  }

  private static CheckedSpec spec() throws Exception {
    return SpecCheck.check(new SpecLoader().load(SPEC, "v2.yml"));
  }
}
