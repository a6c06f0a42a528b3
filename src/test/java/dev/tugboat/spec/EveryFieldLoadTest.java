package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every key of the format loads into the records, with no unknown-key warning. */
class EveryFieldLoadTest {
  private static LoadedSpec loaded;
  private static AppSpec spec;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = EveryFieldLoadTest.class.getResourceAsStream("/specs/every-field.yml")) {
      loaded = new SpecLoader().load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "every-field.yml");
    }
    spec = loaded.spec();
  }

  private static ContainerSpec db() {
    return spec.components().get(0).containers().get(0);
  }

  @Test
  void noKeyIsUnknownAndNothingIsWrong() {
    assertThat(loaded.problems()).isEmpty();
    // Placement across the hosts of a cluster is kept and said to act only there; the keys that
    // do nothing on one host are each said to have no effect; what gives the container part of
    // the host is pointed out.
    assertThat(new SpecValidator().validate(spec)).extracting(p -> p.ruleId() + " " + p.path())
        .containsExactlyInAnyOrder("cluster-only components[0].tags",
            "cluster-only components[0].conflicts", "cluster-only components[0].cluster_host_count",
            "no-effect config[0].test_proc", "test-proc config[0].items[0].test_proc.command",
            "no-effect components[0].containers[0].suppress_restart",
            "no-effect components[0].containers[0].content_trust",
            "no-effect monitors", "no-effect custom_metrics", "no-effect backup.script",
            "no-effect backup.restore_script",
            "no-effect identity", "no-effect graphite", "no-effect statsd",
            "host-access components[0].containers[0].security_cap_add",
            "host-access components[0].containers[0].pid_mode");
  }

  @Test
  void topLevel() {
    assertThat(spec.apiVersion()).isEqualTo("2.9.0");
    assertThat(spec.version()).isEqualTo("3.1");
    assertThat(spec.releaseNotes()).isEqualTo("All keys at once");
    assertThat(spec.properties()).containsKeys("app_url", "console_title", "logo_url");
    assertThat(spec.cmds().get(0)).isEqualTo(new CmdSpec("secret", "random", List.of("32", "[A-Za-z0-9]")));
    assertThat(spec.ready()).contains(new ReadySpec("http_status_code",
        List.of("http://{{repl ThisNodePrivateIPAddress}}:8000/health", "200", "5"), 900));
    assertThat(spec.otherSections()).containsOnlyKeys("console_support_markdown", "monitors",
        "custom_metrics", "host_requirements", "identity", "images",
        "localization", "terms", "graphite", "statsd");
    ContainerRef postgres = new ContainerRef("db", "postgres");
    assertThat(spec.support()).isEqualTo(new SupportSpec(90,
        List.of(new SupportFileSpec("/var/lib/postgresql/data/postgresql.conf",
            java.util.Optional.of(postgres))),
        List.of(new SupportCommandSpec("disk.txt", List.of("df", "-h"),
            java.util.Optional.of(postgres)))));
    assertThat(spec.backup()).isEqualTo(new BackupSpec(
        "{{repl ConfigOptionEquals \"backups\" \"1\"}}", "false",
        "#!/bin/sh\nreplicated admin --no-tty backup\n",
        "#!/bin/sh\nreplicated admin --no-tty restored\n"));
    assertThat(spec.otherSections().get("monitors")).isEqualTo(Map.of("cpuacct", List.of("db", "postgres")));
  }

  @Test
  void adminCommands() {
    assertThat(spec.adminCommands().get(0).command()).containsExactly("psql", "-U", "postgres");
    assertThat(spec.adminCommands().get(0).container()).isEqualTo("postgres");
    assertThat(spec.adminCommands().get(1).command()).containsExactly("pg_dumpall");
    assertThat(spec.adminCommands().get(1).image()).contains(new ImageRefSpec("postgres", "15"));
    assertThat(spec.adminCommands().get(0).timeout()).isEqualTo(AdminCommandSpec.DEFAULT_TIMEOUT);
    assertThat(spec.adminCommands().get(1).timeout()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(spec.adminCommands().get(0).when()).isEmpty();
    assertThat(spec.adminCommands().get(1).when())
        .isEqualTo("{{repl ConfigOptionEquals \"advanced\" \"1\"}}");
  }

  @Test
  void config() {
    ConfigGroupSpec group = spec.config().get(0);
    assertThat(group.when()).isEqualTo("{{repl ConfigOptionEquals \"advanced\" \"1\"}}");
    assertThat(group.testProc()).containsEntry("command", "resolve_host");
    ConfigItemSpec host = group.items().get(0);
    assertThat(host.defaultValue()).isEqualTo("localhost");
    assertThat(host.value()).isEqualTo("example.com");
    assertThat(host.required()).isTrue();
    assertThat(host.readonly()).isFalse();
    assertThat(host.recommended()).isTrue();
    assertThat(host.when()).isEqualTo("advanced=1");
    assertThat(host.props()).containsEntry("rows", "4");
    assertThat(host.isExcludedFromSupport()).isTrue();
    ConfigItemSpec password = group.items().get(1);
    assertThat(password.defaultCmd()).contains(new CmdRefSpec("secret", 0));
    assertThat(password.valueCmd()).contains(new CmdRefSpec("secret", 0));
    assertThat(password.dataCmd()).contains(new CmdRefSpec("tls", 1));
    ConfigItemSpec colors = group.items().get(2);
    assertThat(colors.multiple()).isTrue();
    assertThat(colors.multiValue()).containsExactly("red");
    assertThat(colors.items()).extracting(ConfigItemSpec::name).containsExactly("red", "blue");
  }

  @Test
  void component() {
    ComponentSpec db = spec.components().get(0);
    assertThat(db.tags()).containsExactly("database");
    assertThat(db.conflicts()).containsExactly("web");
    assertThat(db.logs()).isEqualTo(new LogsSpec("10m", "3"));
    assertThat(db.logConfig()).isEqualTo(new LogConfigSpec("json-file", java.util.Map.of()));
    assertThat(db.hostVolumes()).containsExactly(
        new HostVolumeSpec("/srv/db", "", "", false, false, ""));
    assertThat(db.multiHostOptions()).containsOnlyKeys("cluster", "cluster_host_count",
        "host_requirements");
  }

  @Test
  void container() {
    ContainerSpec db = db();
    assertThat(db.version()).isEqualTo("15");
    assertThat(db.name()).isEqualTo("every-db");
    assertThat(db.displayName()).isEqualTo("Database");
    assertThat(db.cmd()).containsExactly("postgres", "-c", "max_connections={{repl ConfigOption \"conns\"}}");
    assertThat(db.entrypoint()).containsExactly("docker-entrypoint.sh");
    assertThat(db.when()).isEqualTo("true");
    assertThat(db.restart()).isEqualTo(new RestartSpec("on-failure", OptionalInt.of(5)));
    assertThat(db.multiHostOptions()).containsOnlyKeys("cluster", "cluster_instance_count",
        "suppress_restart", "dynamic", "content_trust");
    assertThat(db.supportFiles()).containsExactly(
        new SupportFileSpec("/var/log/pg.log", java.util.Optional.empty()));
    assertThat(db.supportCommands()).containsExactly(
        new SupportCommandSpec("ps.txt", List.of("ps"), java.util.Optional.empty()));
    assertThat(spec.container(new ContainerRef("db", "every-db"))).contains(db);
    assertThat(spec.container(new ContainerRef("db", "postgres"))).contains(db);
    assertThat(spec.container(new ContainerRef("db", "redis"))).isEmpty();
  }

  @Test
  void containerLists() {
    ContainerSpec db = db();
    assertThat(db.envVars()).containsExactly(
        new EnvVarSpec("POSTGRES_PASSWORD", "{{repl ConfigOption \"password\" }}", true, "", true),
        new EnvVarSpec("MODE", "fast", false, "{{repl ConfigOptionEquals \"advanced\" \"1\"}}", false));
    assertThat(db.ports()).containsExactly(new PortSpec("5432", "5432", "eth0", "tcp", "true"));
    assertThat(db.volumes()).containsExactly(new VolumeSpec("/srv/pgdata",
        "/var/lib/postgresql/data", List.of("z", "rw"), "0700", "999", false, true, ""));
    assertThat(db.configFiles()).containsExactly(new ConfigFileSpec("/etc/postgresql/extra.conf",
        "max_connections = {{repl ConfigOption \"conns\"}}\n", "0644", "999", ""));
    assertThat(db.customerFiles()).containsExactly(
        new CustomerFileSpec("ca_cert", "/etc/ssl/ca.pem", "0600", "root", ""));
    assertThat(db.publishEvents()).containsExactly(new EventSpec("db accepts connections",
        "port-listen", "5432", List.of(), 0, List.of(new SubscriptionSpec("web", "shop", "start"))));
    assertThat(db.publishEvents().get(0).timeout()).contains(java.time.Duration.ofSeconds(600));
  }

  @Test
  void containerOptions() {
    ContainerOptionsSpec options = db().options();
    assertThat(options.networkMode()).isEqualTo("bridge");
    assertThat(options.cpuShares()).isEqualTo("512");
    assertThat(options.memoryLimit()).isEqualTo("1g");
    assertThat(options.memorySwapLimit()).isEqualTo("2g");
    assertThat(options.ulimits()).containsExactly(new UlimitSpec("nofile", "1024", "2048"));
    assertThat(options.securityCapAdd()).containsExactly("SYS_PTRACE");
    assertThat(options.securityOptions()).hasSize(1);
    assertThat(options.hostname()).isEqualTo("db");
    assertThat(options.extraHosts()).containsExactly(new ExtraHostSpec("mirror", "10.0.0.9", ""));
    assertThat(options.pidMode()).isEqualTo("host");
    assertThat(options.shmSize()).isEqualTo("256m");
    assertThat(options.labels()).isEqualTo(Map.of("team", "data"));
    assertThat(options.stopTimeout()).isEqualTo("30");
    assertThat(options.user()).isEqualTo("postgres");
    assertThat(options.logs()).isEqualTo(new LogsSpec("5m", "2"));
    assertThat(options.network()).isEqualTo("backend");
    assertThat(options.networkAliases()).containsExactly("database");
    assertThat(options.links()).containsExactly("cache");
    assertThat(options.ipv4Address()).isEqualTo("172.20.0.5");
    assertThat(options.ipv6Address()).isEqualTo("fd00::5");
    assertThat(options.disablePublishAllPorts()).isTrue();
  }

  @Test
  void labelsAndExtraHostsAlsoLoadFromStrings() {
    ContainerOptionsSpec web = spec.components().get(1).containers().get(0).options();
    assertThat(web.labels()).containsExactly(Map.entry("tier", "front"), Map.entry("owner", "web"));
    assertThat(web.extraHosts()).containsExactly(new ExtraHostSpec("cache", "10.0.0.7", ""));
  }

  @Test
  void templatedValuesAreListedWithTheirPaths() {
    assertThat(spec.sourceMap().templatedValues())
        .containsEntry("components[0].containers[0].env_vars[0].static_val",
            "{{repl ConfigOption \"password\" }}")
        .containsKey("state.ready.args[0]");
    assertThat(spec.sourceMap().at("components[0].containers[0].env_vars[0].static_val"))
        .hasToString("every-field.yml:75:19");
    assertThat(Optional.of(spec.sourceMap().at("config[0].items[2].items[1].name")))
        .get().hasToString("every-field.yml:51:13");
  }
}
