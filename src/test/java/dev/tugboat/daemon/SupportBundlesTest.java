package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.SupportBundle;
import dev.tugboat.config.SecretSearch;
import dev.tugboat.files.TarGzFiles;
import dev.tugboat.runtime.InMemoryEngineDiagnostics;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support bundle of the daemon's app on the in-memory engine holds every part, shows no form of
 * the app's password nor the API token anywhere, leaves out the env vars marked {@code
 * is_excluded_from_support}, and is made even when a part fails.
 */
class SupportBundlesTest {

  // a quote, a slash, a plus, an ampersand and a non-ASCII letter: each escaped otherwise
  // in JSON, a URL or a shell
  private static final String PASSWORD = "Zx9-\"very\"-secret/pw+&é";
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private static final String LICENSE = "customer: Example Corp\nseats: 40\nsignature: 9f8e7d6c5b4a\n";
  private static final String INTEGRATION_KEY = "c3VwcG9ydC1idW5kbGUtdGVzdC1rZXktMzItYnl0ZXMh";
  private static final String TLS_KEY_LINE =
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
  private static final String TLS_KEY = "-----BEGIN PRIVATE KEY-----\n" + TLS_KEY_LINE
      + "\nMgKmHyfT0nQfXtV7kU3fGHa2pYhH6zB1sQm0XrVwQ4o8wHc3nR2yT5eP1dLkZa9\n"
      + "-----END PRIVATE KEY-----\n";
  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      config:
      - name: database
        title: Database
        items:
        - name: db_password
          title: Database password
          type: password
        - name: license_file
          title: License file
          type: file
        - name: key_var
          title: Name of the vendor key variable
          type: text
          default: VENDOR_KEY
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          env_vars:
          - name: POSTGRES_PASSWORD
            value: '{{repl ConfigOption "db_password"}}'
            is_excluded_from_support: true
          - name: DATABASE_URL
            value: 'postgres://demo:{{repl ConfigOption "db_password"}}@db/demo'
          - name: PLAIN
            value: visible
          - name: '{{repl ConfigOption "key_var"}}'
            value: vendor-key-7Qm2
            is_excluded_from_support: true
      """;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private String integrationSecret;

  @Test
  void aBundleHoldsEveryPartAndNoFormOfAnySecret() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    runtime.scriptNamed("tugboat-demo-db-postgres-1")
        .logsAfter(Duration.ZERO, "database ready")
        .logsAfter(Duration.ZERO, "connecting with password " + PASSWORD)
        .logsAfter(Duration.ZERO, "{\"password\":" + new ObjectMapper().writeValueAsString(PASSWORD)
            + "}");
    Map<String, String> files = bundleOfStartedApp(runtime, new InMemoryEngineDiagnostics(runtime),
        Map.of("db_password", PASSWORD));

    String top = files.keySet().iterator().next().split("/")[0];
    assertThat(top).matches("tugboat-support-demo-\\d{8}-\\d{6}");
    assertThat(files.keySet().iterator().next()).isEqualTo(top + "/README.txt");
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    files.forEach((name, text) -> byName.put(name.substring(top.length() + 1), text));
    assertThat(byName).containsKeys("README.txt", "status.json", "events.json", "history.json",
        "config.json", "preflight.json", "daemon.log", "host.txt", "spec.yml", "settings.json",
        "daemon-config.json", "docker/info.json", "docker/version.json",
        "containers/tugboat-demo-db-postgres-1/inspect.json",
        "containers/tugboat-demo-db-postgres-1/logs.txt");
    assertThat(byName.keySet()).anyMatch(name -> name.matches("runs/.+\\.jsonl"));
    // journalctl answers only where systemd's journal is: either its lines or why not
    assertThat(byName.containsKey("journalctl.log")
        || byName.getOrDefault("errors.txt", "").contains("journalctl.log: ")).isTrue();

    assertThat(SecretSearch.found(PASSWORD, files)).isEmpty();
    assertThat(SecretSearch.found(TOKEN, files)).isEmpty();
    // with it, any container on the Docker bridge could call the Integration API as the app
    assertThat(integrationSecret).hasSize(32);
    assertThat(SecretSearch.found(integrationSecret, files)).isEmpty();

    JsonNode inspect = new ObjectMapper().readTree(
        byName.get("containers/tugboat-demo-db-postgres-1/inspect.json"));
    List<String> env = new ArrayList<>();
    inspect.path("Config").path("Env").forEach(entry -> env.add(entry.asText()));
    assertThat(env).contains("PLAIN=visible", "DATABASE_URL=postgres://demo:********@db/demo",
            "TUGBOAT_INTEGRATIONAPI=http://172.17.0.1:9880/********")
        .noneMatch(entry -> entry.startsWith("POSTGRES_PASSWORD"))
        // excluded under its rendered name: the spec names it with a template
        .noneMatch(entry -> entry.startsWith("VENDOR_KEY"));
    assertThat(byName.get("containers/tugboat-demo-db-postgres-1/logs.txt"))
        .isEqualTo("database ready\nconnecting with password ********\n{\"password\":\"********\"}\n");
    JsonNode settings = new ObjectMapper().readTree(byName.get("settings.json"));
    assertThat(settings.path("items").path("db_password").path("value").asText())
        .isEqualTo("********");
    assertThat(new ObjectMapper().readTree(byName.get("status.json")).path("state").asText())
        .isEqualTo("started");
    assertThat(new ObjectMapper().readTree(byName.get("docker/version.json")).path("Version")
        .asText()).isEqualTo("27.0.0-memory");
    assertThat(byName.get("daemon.log")).contains("config changed: db_password", "app started");
    // an excluded env var's value is a secret even where the spec holds it literally
    assertThat(byName.get("spec.yml")).isEqualTo(SPEC.replace("vendor-key-7Qm2", "********"));
    assertThat(byName.get("host.txt")).contains("kernel: ", "cpus: ", "memory: total",
        "disk of the state directory");
    JsonNode events = new ObjectMapper().readTree(byName.get("events.json")).path("events");
    assertThat(StreamSupport.stream(events.spliterator(), false)
        .map(event -> event.path("text").asText())).anyMatch(text -> text.startsWith("app started"));
    assertThat(byName.get("daemon-config.json")).doesNotContain("\"token\"");
    assertThat(byName.get("README.txt"))
        .contains("Tugboat support bundle", "app: demo 1 (started)", "made: ")
        .containsPattern("  status\\.json +\\d+  the status, as GET /api/v1/status shows it")
        .contains("containers/tugboat-demo-db-postgres-1/inspect.json");
  }

  @Test
  void fileItemContentsAndTheStateDirectorysKeysStayOnTheHost() throws Exception {
    Files.createDirectories(dir.resolve("state/tls"));
    Files.writeString(dir.resolve("state/tls/key.pem"), TLS_KEY);
    Files.writeString(dir.resolve("state/integration-key"), INTEGRATION_KEY + "\n");
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    // an app that echoes what it was given: no part reads these files, yet a log may show them
    runtime.scriptNamed("tugboat-demo-db-postgres-1")
        .logsAfter(Duration.ZERO, "tls key line " + TLS_KEY_LINE)
        .logsAfter(Duration.ZERO, "integration key " + INTEGRATION_KEY);

    Map<String, String> files = bundleOfStartedApp(runtime, new InMemoryEngineDiagnostics(runtime),
        Map.of("db_password", PASSWORD, "license_file", LICENSE));

    assertThat(SecretSearch.found(LICENSE, files)).isEmpty();
    assertThat(files.values()).noneMatch(text -> text.contains("Example Corp"));
    assertThat(SecretSearch.found(TLS_KEY_LINE, files)).isEmpty();
    assertThat(SecretSearch.found(INTEGRATION_KEY, files)).isEmpty();
    JsonNode license = new ObjectMapper().readTree(files.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/settings.json")).findFirst().orElseThrow().getValue())
        .path("items").path("license_file");
    assertThat(license.path("value").asText()).isEqualTo("license_file");
    assertThat(license.path("data").path("bytes").asInt())
        .isEqualTo(LICENSE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(license.path("data").path("sha256").asText()).isEqualTo(java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(LICENSE.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  @Test
  void theDaemonsStartRemovesWhatAStoppedDaemonLeftInSupport() throws Exception {
    Files.writeString(dir.resolve("app.yml"), SPEC);
    Path support = Files.createDirectories(dir.resolve("state/support"));
    // just written: a bundle being sent when the daemon stopped, and a journalctl scratch file
    Path bundle = Files.writeString(support.resolve("tugboat-support-demo-20260101-000000.tar.gz"),
        "half a bundle");
    Path scratch = Files.writeString(support.resolve("journalctl123.log"), "lines");

    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, new InMemoryRuntime(clock),
        clock)) {
      assertThat(bundle).doesNotExist();
      assertThat(scratch).doesNotExist();
      assertThat(support).isDirectory();
      assertThat(daemon.log()).contains("removed " + bundle + ", a support bundle a stopped"
          + " daemon left");
    }
  }

  @Test
  void twoBundlesInTheSameSecondAreBothMadeUnderTheSameOfferedName() throws Exception {
    Files.writeString(dir.resolve("app.yml"), SPEC);
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock,
        new InMemoryEngineDiagnostics(runtime))) {
      // the clock stands still: the first is not yet sent (deleted) when the second is asked for
      SupportBundle first = daemon.app.supportBundle().get(60, TimeUnit.SECONDS);
      SupportBundle second = daemon.app.supportBundle().get(60, TimeUnit.SECONDS);

      assertThat(second.file()).isNotEqualTo(first.file());
      assertThat(first.file()).exists();
      assertThat(second.file()).exists();
      assertThat(second.fileName()).isEqualTo(first.fileName())
          .matches("tugboat-support-demo-\\d{8}-\\d{6}\\.tar\\.gz");
    }
  }

  @Test
  void aPartThatFailsIsNotedAndTheRestIsMadeAllTheSame() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    InMemoryEngineDiagnostics engine = new InMemoryEngineDiagnostics(runtime);
    engine.failVersion(RuntimeFailure.engineError("tell its version",
        "Error response from daemon: no version today", null));

    Map<String, String> files = bundleOfStartedApp(runtime, engine,
        Map.of("db_password", PASSWORD));

    List<String> names = files.keySet().stream().map(n -> n.substring(n.indexOf('/') + 1)).toList();
    assertThat(names).doesNotContain("docker/version.json")
        .contains("docker/info.json", "status.json", "errors.txt");
    String errors = files.entrySet().stream().filter(e -> e.getKey().endsWith("/errors.txt"))
        .findFirst().orElseThrow().getValue();
    assertThat(errors).contains("docker/version.json: could not be made: ")
        .contains("no version today");
    assertThat(files.entrySet().stream().filter(e -> e.getKey().endsWith("/README.txt"))
        .findFirst().orElseThrow().getValue()).contains("docker/version.json: could not be made");
  }

  @Test
  void aSecondBundleWhileOneIsBeingMadeIsRefused() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    InMemoryEngineDiagnostics engine = new InMemoryEngineDiagnostics(runtime);
    engine.hangInfo();
    Files.writeString(dir.resolve("app.yml"), SPEC);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock, engine)) {
      var first = daemon.app.supportBundle();
      var second = daemon.app.supportBundle();
      assertThat(second).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause().isInstanceOf(AppRefusal.class)
          .withMessageContaining("a support bundle is being made");
      // the status answers meanwhile: the bundle is made off the supervisor's thread
      daemon.app.heartbeat().get(2, TimeUnit.SECONDS);
      engine.close();
      assertThat(first.get(60, TimeUnit.SECONDS).size()).isPositive();
    }
  }

  @Test
  void theSpecsSupportFilesAndCommandsAreInTheBundleMasked() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    runtime.scriptNamed("tugboat-demo-db-postgres-1")
        .execAnswers(List.of("ps", "aux"), dev.tugboat.runtime.ExecResult.of(0,
            "1 postgres -c password=" + PASSWORD + "\n"))
        .execAnswers(List.of("df", "-h"), dev.tugboat.runtime.ExecResult.of(1,
            "df: /data: no such file\n"));
    Map<String, String> files = bundleOfStartedApp(runtime, new InMemoryEngineDiagnostics(runtime),
        Map.of("db_password", PASSWORD), SUPPORT_SPEC);
    String top = files.keySet().iterator().next().split("/")[0];
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    files.forEach((name, text) -> byName.put(name.substring(top.length() + 1), text));
    String dir = "containers/tugboat-demo-db-postgres-1/";

    assertThat(byName.get(dir + "files/etc/app/app.conf")).isEqualTo("password=********\n");
    // "../../ps.txt" is one file name, in the instance's directory
    assertThat(byName.get(dir + "commands/__.._ps.txt")).isEqualTo("1 postgres -c password=********\n");
    assertThat(byName.get(dir + "commands/disk.txt")).isEqualTo(
        "df: /data: no such file\n\n[tugboat: the command exited with code 1]\n");
    assertThat(byName).doesNotContainKey(dir + "files/var/log/missing.log");
    assertThat(byName.get("errors.txt")).contains(dir + "files/var/log/missing.log",
        "Could not find the file /var/log/missing.log");
    assertThat(byName.get("README.txt")).contains("support file /etc/app/app.conf of db/postgres",
        "the output of ps aux in db/postgres");
    assertThat(SecretSearch.found(PASSWORD, files)).isEmpty();
    // the file both the section and the container name is read once, under one name
    assertThat(byName.get("README.txt").lines()
        .filter(line -> line.contains(dir + "files/etc/app/app.conf"))).hasSize(1);
  }

  @Test
  void aSecretThatACutSplitsIsHiddenOnBothSidesOfTheCut() throws Exception {
    // the file's first MiB ends inside the password, and its last MiB begins inside it
    int before = SupportSpecParts.MAX_FILE_BYTES - 10;
    String head = PASSWORD.substring(0, 10);
    String tail = PASSWORD.substring(10);
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    runtime.scriptNamed("tugboat-demo-db-postgres-1")
        .execAnswers(List.of("tail", "-c", Integer.toString(SupportSpecParts.MAX_FILE_BYTES),
            "/var/log/big.log"), dev.tugboat.runtime.ExecResult.of(0, tail + "\nlast line\n"))
        .execAnswers(List.of("tail", "-c", Integer.toString(SupportSpecParts.MAX_FILE_BYTES),
            "/var/log/other.log"), dev.tugboat.runtime.ExecResult.of(127, "tail: not found"))
        .execAnswers(List.of("dump"), new dev.tugboat.runtime.ExecResult(0,
            "x".repeat(50) + head, true));
    Map<String, String> files = bundleOfStartedApp(runtime,
        new InMemoryEngineDiagnostics(runtime), Map.of("db_password", PASSWORD, "filler",
            "x".repeat(before)), CUT_SPEC);
    String instance = files.keySet().iterator().next().split("/")[0]
        + "/containers/tugboat-demo-db-postgres-1/";

    assertThat(files.get(instance + "files/var/log/big.log"))
        .startsWith("[tugboat: the last 1048576 of the file's ")
        .contains(" bytes]\n********\nlast line\n");
    assertThat(files.get(instance + "files/var/log/other.log"))
        .endsWith("xx********\n[tugboat: cut here, at 1048576 of the file's "
            + (before + PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1)
            + " bytes]\n");
    assertThat(files.get(instance + "commands/dump.txt"))
        .isEqualTo("x".repeat(50) + "********\n[tugboat: output cut at "
            + SupportSpecParts.MAX_COMMAND_OUTPUT_BYTES + " bytes]\n");
    assertThat(files.values()).noneMatch(text -> text.contains(head) || text.contains(tail));
  }

  private static final String CUT_SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      config:
      - name: database
        title: Database
        items:
        - name: db_password
          title: Database password
          type: password
        - name: filler
          title: Filler
          type: textarea
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          config_files:
          - filename: /var/log/big.log
            contents: '{{repl ConfigOption "filler"}}{{repl ConfigOption "db_password"}}'
          - filename: /var/log/other.log
            contents: |
              {{repl ConfigOption "filler"}}{{repl ConfigOption "db_password"}}
          support_files:
          - filename: /var/log/big.log
          - filename: /var/log/other.log
          support_commands:
          - filename: dump.txt
            command: [dump]
      """;

  private static final String SUPPORT_SPEC = """
      replicated_api_version: 2.8.0
      name: demo
      version: "1"
      config:
      - name: database
        title: Database
        items:
        - name: db_password
          title: Database password
          type: password
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: 15
          config_files:
          - filename: /etc/app/app.conf
            contents: |
              password={{repl ConfigOption "db_password"}}
          support_files:
          - filename: /etc/app/app.conf
          - filename: /var/log/missing.log
          support_commands:
          - filename: ../../ps.txt
            command: [ps, aux]
      support:
        timeout: 30
        files:
        - filename: /etc/app/app.conf
          source:
            replicated:
              component: db
              container: postgres
        commands:
        - filename: disk.txt
          command: [df, -h]
          source:
            replicated: {component: db, container: postgres}
      """;

  private Map<String, String> bundleOfStartedApp(InMemoryRuntime runtime,
      InMemoryEngineDiagnostics engine, Map<String, String> config) throws Exception {
    return bundleOfStartedApp(runtime, engine, config, SPEC);
  }

  private Map<String, String> bundleOfStartedApp(InMemoryRuntime runtime,
      InMemoryEngineDiagnostics engine, Map<String, String> config, String spec)
      throws Exception {
    Files.writeString(dir.resolve("app.yml"), spec);
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/token"), TOKEN + "\n");
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock, engine)) {
      daemon.app.setConfig(config).get(5, TimeUnit.SECONDS);
      daemon.app.useIntegrationApi("http://172.17.0.1:9880");
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      String address = runtime.createdConfig("tugboat-demo-db-postgres-1").env()
          .get("TUGBOAT_INTEGRATIONAPI");
      integrationSecret = address.substring(address.lastIndexOf('/') + 1);

      SupportBundle bundle = daemon.app.supportBundle().get(60, TimeUnit.SECONDS);

      assertThat(bundle.file()).startsWith(dir.resolve("state/support"));
      assertThat(bundle.size()).isEqualTo(Files.size(bundle.file()));
      assertThat(bundle.fileName()).endsWith(".tar.gz");
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(bundle.file()))).isEqualTo("rw-------");
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(bundle.file().getParent()))).isEqualTo("rwx------");
      return TarGzFiles.read(bundle.file());
    }
  }
}
