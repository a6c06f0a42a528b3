package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "3.1"
      cmds:
      - {name: pw, cmd: random, args: ["20"]}
      - {name: tls, cmd: cert, args: ["1024", "shop.example.com"]}
      config:
      - name: main
        items:
        - {name: hostname, title: Hostname, type: text, required: true}
        - {name: admin_pw, type: password, value_cmd: {name: pw, value_at: 0}}
        - {name: tls_key, type: file, data_cmd: {name: tls, value_at: 0}}
        - {name: custom_cert, type: file}
        - {name: mode, type: select_one, default: small, items: [{name: small}, {name: large}]}
        - {name: notes, type: textarea, default: "line one\\nline two"}
      """;

  @TempDir Path dir;
  private String spec;
  private String settings;

  @BeforeEach
  void files() throws Exception {
    spec = Files.writeString(dir.resolve("app.yml"), SPEC).toString();
    settings = dir.resolve("state/settings.json").toString();
  }

  @Test
  void setStoresCheckedValuesAndGetReadsThem() throws Exception {
    CliRun set = CliRun.of("config", "set", spec, "--settings", settings, "hostname=shop.example.com",
        "mode=large");

    assertThat(set.err()).isEmpty();
    assertThat(set.out()).isEqualTo("set hostname = shop.example.com\nset mode = large\n");
    assertThat(CliRun.of("config", "get", spec, "--settings", settings, "hostname", "mode").out())
        .isEqualTo("shop.example.com\nlarge\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(settings))))
        .isEqualTo("rw-------");
  }

  @Test
  void generatedValuesAreStoredOnceAndPasswordsAreMasked() {
    CliRun first = CliRun.of("config", "get", spec, "--settings", settings, "admin_pw", "--show-secrets");
    CliRun second = CliRun.of("config", "get", spec, "--settings", settings, "admin_pw", "--show-secrets");
    CliRun masked = CliRun.of("config", "get", spec, "--settings", settings, "admin_pw");

    assertThat(first.out()).matches("[A-Za-z0-9]{20}\n");
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(masked.out()).isEqualTo("********\n");
  }

  @Test
  void theCertCommandsCaIsKeptBesideTheSettings() {
    CliRun key = CliRun.of("config", "get", spec, "--settings", settings, "tls_key");

    assertThat(key.out()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(dir.resolve("state/ca.crt")).exists();
    assertThat(dir.resolve("state/ca.key")).exists();
  }

  @Test
  void aFileItemIsSetFromAPath() throws Exception {
    Path pem = Files.writeString(dir.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\nabc\n");

    CliRun set = CliRun.of("config", "set", spec, "--settings", settings, "custom_cert=@" + pem);

    assertThat(set.out()).isEqualTo("set custom_cert = <server.crt, 32 bytes>\n");
    assertThat(CliRun.of("config", "get", spec, "--settings", settings, "custom_cert").out())
        .isEqualTo("-----BEGIN CERTIFICATE-----\nabc\n\n");
  }

  @Test
  void listShowsEveryItemWithItsSource() {
    CliRun.of("config", "set", spec, "--settings", settings, "hostname=shop.example.com");

    CliRun list = CliRun.of("config", "list", spec, "--settings", settings);

    assertThat(list.exitCode()).isZero();
    assertThat(list.out().replaceAll("<contents, \\d+ bytes>", "<contents, N bytes>")).isEqualTo("""
        ITEM         TYPE        SOURCE   VALUE                   NOTES
        hostname     text        stored   shop.example.com        required
        admin_pw     password    stored   ********
        tls_key      file        stored   <contents, N bytes>
        custom_cert  file        none
        mode         select_one  default  small
          small      option      -
          large      option      -
        notes        textarea    default  line one ... (2 lines)
        """);
    assertThat(list.err()).isEmpty();
  }

  @Test
  void aRefusedValueStoresNothingAndSaysWhy() {
    CliRun set = CliRun.of("config", "set", spec, "--settings", settings, "hostname=h", "mode=huge");

    assertThat(set.exitCode()).isEqualTo(1);
    assertThat(set.err()).isEqualTo("tugboat config: config item 'mode': it is select_one: its value must"
        + " be the name of one of its options (small, large), got 'huge'\n");
    assertThat(Path.of(settings)).doesNotExist();
  }

  @Test
  void setNeedsASettingsFile() {
    CliRun set = CliRun.of("config", "set", spec, "hostname=h");

    assertThat(set.exitCode()).isEqualTo(2);
    assertThat(set.err()).isEqualTo("tugboat config set: give --settings FILE, the file that keeps the"
        + " values (the daemon reads <state_dir>/settings.json)\n");
  }

  @Test
  void wrongArgumentsAreNamed() {
    assertThat(CliRun.of("config", "set", spec, "--settings", settings, "hostname").err())
        .isEqualTo("tugboat config: 'hostname' is not ITEM=VALUE\n");
    assertThat(CliRun.of("config", "get", spec, "hostnam").err())
        .isEqualTo("tugboat config: no config item 'hostnam' in this spec; the items are hostname,"
            + " admin_pw, tls_key, custom_cert, mode, small, large, notes\n");
    assertThat(CliRun.of("config", "set", spec, "--settings", settings, "custom_cert=@/no/such").err())
        .isEqualTo("tugboat config: config item 'custom_cert': no such file /no/such\n");
  }

  @Test
  void listWarnsAboutRequiredItems() {
    CliRun list = CliRun.of("config", "list", spec);

    assertThat(list.err()).isEqualTo("warning: required config item 'hostname' (Hostname) has no value;"
        + " set it with: tugboat config set SPEC hostname=VALUE\n");
  }

  @Test
  void publicipGivesTheConfiguredPublicAddress() throws Exception {
    String withIp = Files.writeString(dir.resolve("ip.yml"), """
        replicated_api_version: 2.8.0
        name: Ip
        version: "1"
        cmds:
        - {name: ip, cmd: publicip, args: []}
        config:
        - name: g
          items:
          - {name: hostname, type: text, value_cmd: {name: ip, value_at: 0}}
        """).toString();

    CliRun run = CliRun.of("config", "get", withIp, "--settings", settings, "--public-address",
        "203.0.113.4", "hostname");

    assertThat(run.out()).isEqualTo("203.0.113.4\n");
  }

  @Test
  void unsetFallsBackToTheDefaultAndRegeneratesAValueCmd() {
    CliRun.of("config", "set", spec, "--settings", settings, "mode=large");
    String password = CliRun.of("config", "get", spec, "--settings", settings, "admin_pw",
        "--show-secrets").out();

    CliRun unset = CliRun.of("config", "unset", spec, "--settings", settings, "mode", "admin_pw");

    assertThat(unset.err()).isEmpty();
    assertThat(unset.out()).isEqualTo("unset mode = small (default)\nunset admin_pw = ******** (stored)\n");
    String regenerated = CliRun.of("config", "get", spec, "--settings", settings, "admin_pw",
        "--show-secrets").out();
    assertThat(regenerated).matches("[A-Za-z0-9]{20}\n").isNotEqualTo(password);
  }

  @Test
  void unsetOfAnUnknownItemChangesNothing() throws Exception {
    CliRun.of("config", "set", spec, "--settings", settings, "mode=large");
    String before = Files.readString(Path.of(settings));

    CliRun unset = CliRun.of("config", "unset", spec, "--settings", settings, "mode", "colour");

    assertThat(unset.exitCode()).isEqualTo(1);
    assertThat(unset.err()).isEqualTo("tugboat config: no config item 'colour' in this spec; the items are"
        + " hostname, admin_pw, tls_key, custom_cert, mode, small, large, notes\n");
    assertThat(Files.readString(Path.of(settings))).isEqualTo(before);
    assertThat(CliRun.of("config", "unset", spec, "mode").exitCode()).isEqualTo(2);
  }
}
