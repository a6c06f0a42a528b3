package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.orchestrator.ImageRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonConfigReaderTest {

  private static final Path FILE = Path.of("/etc/tugboat/tugboat.yml");
  private final List<String> warnings = new ArrayList<>();

  private DaemonConfig parse(String yaml) throws DaemonConfigException {
    return DaemonConfigReader.parse(FILE, yaml, warnings::add);
  }

  @Test
  void anEmptyFileGivesTheDocumentedDefaults() throws Exception {
    DaemonConfig config = parse("");
    assertThat(config.listen().getHostString()).isEqualTo("127.0.0.1");
    assertThat(config.listen().getPort()).isEqualTo(8800);
    assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/tugboat"));
    assertThat(config.tokenFile()).isEqualTo(Path.of("/var/lib/tugboat/token"));
    assertThat(config.app()).isEmpty();
    assertThat(config.logFormat()).isEqualTo(DaemonConfig.LogFormat.TEXT);
    assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8800");
    assertThat(config.resyncPeriod()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(warnings).isEmpty();
  }

  @Test
  void everyKeyIsRead() throws Exception {
    DaemonConfig config = parse("""
        listen: 0.0.0.0:9000
        state_dir: state
        app: /opt/app/spec.yml
        docker_host: tcp://127.0.0.1:2375
        registries:
          replicated:
            address: registry.example.com
            user: bob
            password_file: /etc/tugboat/registry-password
        private_address: 10.0.0.5
        public_address: 203.0.113.9
        log_format: json
        resync_seconds: 5
        """);
    assertThat(config.listen().getPort()).isEqualTo(9000);
    // beyond loopback the console speaks TLS unless the config says tls: off
    assertThat(config.baseUrl()).isEqualTo("https://127.0.0.1:9000");
    assertThat(config.stateDir()).isEqualTo(Path.of("/etc/tugboat/state"));
    assertThat(config.app()).contains(Path.of("/opt/app/spec.yml"));
    assertThat(config.dockerHost()).contains("tcp://127.0.0.1:2375");
    assertThat(config.registries().forSource("replicated").orElseThrow()).isEqualTo(new ImageRegistry("replicated",
        "registry.example.com", Optional.of("bob"),
        Optional.of(Path.of("/etc/tugboat/registry-password")), Optional.of(FILE)));
    assertThat(config.privateAddress()).contains("10.0.0.5");
    assertThat(config.publicAddress()).contains("203.0.113.9");
    assertThat(config.logFormat()).isEqualTo(DaemonConfig.LogFormat.JSON);
    assertThat(config.resyncPeriod()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void anUnknownKeyIsAWarning() throws Exception {
    parse("listne: 1.2.3.4:80\n");
    assertThat(warnings).containsExactly("/etc/tugboat/tugboat.yml: unknown key 'listne' is"
        + " ignored; known keys: listen, state_dir, app, docker_host, registries,"
        + " private_address, public_address, log_format, integration_port, api_hostnames,"
        + " tls, resync_seconds, bundle_max_mb, snapshots_kept");
  }

  @Test
  void snapshotsKeptDefaultsToThreeAndRefusesLessThanOne() throws Exception {
    assertThat(parse("").snapshotsKept()).isEqualTo(3);
    assertThat(parse("snapshots_kept: 7\n").snapshotsKept()).isEqualTo(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("snapshots_kept: 0\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'snapshots_kept' must be a whole number from 1"
            + " to 1000 (the snapshots of the app's data kept; default 3), got '0'");
  }

  @Test
  void tlsIsOnBeyondLoopbackUnlessTurnedOffAndTakesTheOperatorsFiles() throws Exception {
    assertThat(parse("listen: 127.0.0.1:8800\n").baseUrl()).isEqualTo("http://127.0.0.1:8800");
    assertThat(parse("listen: 0.0.0.0:8800\n").baseUrl()).isEqualTo("https://127.0.0.1:8800");
    assertThat(parse("listen: 0.0.0.0:8800\ntls: off\n").baseUrl())
        .isEqualTo("http://127.0.0.1:8800");
    assertThat(parse("listen: 127.0.0.1:8800\ntls: on\n").tlsEnabled()).isTrue();
    DaemonConfig files = parse("listen: 10.0.0.5:443\ntls: {cert_file: tls/chain.pem,"
        + " key_file: /etc/tugboat/key.pem}\n");
    assertThat(files.tls()).isEqualTo(new ConsoleTlsSetting.OperatorFiles(
        Path.of("/etc/tugboat/tls/chain.pem"), Path.of("/etc/tugboat/key.pem")));
    assertThat(files.consoleCertificate()).isEqualTo(Path.of("/etc/tugboat/tls/chain.pem"));
    assertThatThrownBy(() -> parse("tls: maybe\n")).hasMessageContaining(
        "key 'tls' must be auto, on, off, or {cert_file: PEM_CHAIN, key_file: PEM_KEY}");
    assertThatThrownBy(() -> parse("tls: {cert_file: a.pem}\n"))
        .hasMessageContaining("key 'tls' must be");
  }

  @Test
  void apiHostnamesAreNamesAndAnIpAddressNeedsNoEntry() throws Exception {
    assertThat(parse("api_hostnames: [appliance.example.com, tugboat]\n").apiHostnames())
        .containsExactlyInAnyOrder("appliance.example.com", "tugboat");
    assertThat(parse("").apiHostnames()).isEmpty();
    assertThatThrownBy(() -> parse("api_hostnames: appliance.example.com\n"))
        .hasMessageContaining("'api_hostnames' must be a list of host names");
    assertThatThrownBy(() -> parse("api_hostnames: ['http://x/']\n"))
        .hasMessageContaining("'http://x/', which is not a host name");
  }

  @Test
  void aWrongValueNamesTheKey() {
    assertThatThrownBy(() -> parse("listen: localhost\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'listen' must be HOST:PORT (e.g."
            + " 127.0.0.1:8800), got 'localhost'");
    assertThatThrownBy(() -> parse("listen: 127.0.0.1:70000\n"))
        .hasMessageContaining("key 'listen' must be HOST:PORT");
    assertThatThrownBy(() -> parse("log_format: xml\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'log_format' must be text or json, got 'xml'");
    assertThatThrownBy(() -> parse("resync_seconds: 0\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'resync_seconds' must be a whole number of"
            + " seconds from 1 to 3600, got '0'");
    assertThatThrownBy(() -> parse("resync_seconds: 30s\n"))
        .hasMessageContaining("key 'resync_seconds' must be a whole number");
    assertThatThrownBy(() -> parse("state_dir: [a]\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'state_dir' must be a single value, not a list");
    assertThatThrownBy(() -> parse("registries:\n  replicated:\n    user: x\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'registries.replicated.address' is missing");
    assertThatThrownBy(() -> parse("registries:\n  replicated:\n    address: r.example.com\n"
        + "    user: x\n"))
        .hasMessage("/etc/tugboat/tugboat.yml: key 'registries.replicated.password_file' is"
            + " missing; a registry login needs both user and password_file (or neither, for"
            + " anonymous pulls)");
    assertThatThrownBy(() -> parse("- a\n"))
        .hasMessageStartingWith("/etc/tugboat/tugboat.yml must be a YAML mapping of keys");
    assertThatThrownBy(() -> parse("listen: [\n"))
        .hasMessageStartingWith("/etc/tugboat/tugboat.yml is not valid YAML");
  }

  @Test
  void valuesAreReadAsWrittenWhateverYamlTypeTheyLookLike() throws Exception {
    // bare on/off/yes/no are YAML booleans, quoted ones strings: both mean the same for tls
    assertThat(parse("listen: 0.0.0.0:8800\ntls: no\n").tlsEnabled()).isFalse();
    assertThat(parse("listen: 0.0.0.0:8800\ntls: 'off'\n").tlsEnabled()).isFalse();
    assertThat(parse("listen: 127.0.0.1:8800\ntls: \"on\"\n").tlsEnabled()).isTrue();
    assertThat(parse("listen: 127.0.0.1:8800\ntls: true\n").tlsEnabled()).isTrue();
    // a number is its text: no octal, no float rounding, no date made of a path
    assertThat(parse("integration_port: 8801\n").integrationPort()).isEqualTo(8801);
    assertThat(parse("snapshots_kept: 010\n").snapshotsKept()).isEqualTo(10);
    assertThat(parse("state_dir: 2024-01-01\n").stateDir())
        .isEqualTo(Path.of("/etc/tugboat/2024-01-01"));
    assertThatThrownBy(() -> parse("resync_seconds: 1.50\n"))
        .hasMessageContaining("got '1.50'");
    // a key with no value, or null, is the default
    assertThat(parse("app:\nlog_format: ~\n").app()).isEmpty();
    assertThat(parse("tls: null\nlisten: 0.0.0.0:8800\n").tlsEnabled()).isTrue();
    // anchors and merge keys, as YAML has them
    assertThat(parse("base: &b {address: r.example.com}\nregistries:\n  r: {<<: *b}\n")
        .registries().toString()).contains("r.example.com");
    assertThatThrownBy(() -> parse("listen: 1.2.3.4:80\n---\nlisten: 1.2.3.4:81\n"))
        .hasMessageStartingWith("/etc/tugboat/tugboat.yml is not valid YAML");
  }

  @Test
  void aMissingFileIsAnErrorOnlyWhenNamed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path missing = dir.resolve("tugboat.yml");
    assertThat(DaemonConfigReader.read(missing, false, warnings::add).listen().getPort())
        .isEqualTo(8800);
    assertThatThrownBy(() -> DaemonConfigReader.read(missing, true, warnings::add))
        .hasMessage("daemon config " + missing + " does not exist; create it"
            + " (config/tugboat.yml documents every key) or leave out --config");
  }
}
