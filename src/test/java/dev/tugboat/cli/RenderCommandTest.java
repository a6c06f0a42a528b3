package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "3.1"
      properties:
        app_url: 'https://{{repl ConfigOption "hostname"}}'
      cmds:
      - name: pw
        cmd: random
        args: ["24"]
      config:
      - name: main
        items:
        - {name: hostname, title: Hostname, type: text, required: true}
        - {name: admin_pw, type: password, value_cmd: {name: pw, value_at: 0}}
        - {name: debug, type: bool, default: "0"}
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: "16"
          ports:
          - {private_port: "5432", public_port: "5432"}
      - name: web
        containers:
        - source: public
          image_name: shop
          version: "3.1"
          env_vars:
          - name: ADMIN_PASSWORD
            value: '{{repl ConfigOption "admin_pw"}}'
          - name: DB_HOST
            value: '{{repl HostPrivateIpAddress "db" "postgres"}}'
          - name: DEBUG
            value: "true"
            when: '{{repl ConfigOptionEquals "debug" "1"}}'
      """;

  @TempDir Path dir;

  private Path spec(String text) throws Exception {
    return Files.writeString(dir.resolve("app.yml"), text);
  }

  @Test
  void rendersWithSetValuesPlaceholdersAndMaskedSecrets() throws Exception {
    CliRun run = CliRun.of("render", spec(SPEC).toString(), "--set", "hostname=shop.example.com",
        "--set", "admin_pw=hunter2hunter2");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("app_url: https://shop.example.com\n")
        .contains("- name: ADMIN_PASSWORD\n      value: '********'\n")
        .contains("- name: DB_HOST\n      value: <address of db/postgres>\n")
        .doesNotContain("DEBUG")
        .doesNotContain("hunter2");
  }

  @Test
  void showSecretsPrintsThemAndJsonIsAvailable() throws Exception {
    CliRun run = CliRun.of("render", spec(SPEC).toString(), "--set", "hostname=h", "--set",
        "admin_pw=hunter2hunter2", "--set", "debug=1", "--show-secrets", "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"value\" : \"hunter2hunter2\"").contains("\"name\" : \"DEBUG\"");
  }

  @Test
  void warnsAboutRequiredItemsWithoutValues() throws Exception {
    CliRun run = CliRun.of("render", spec(SPEC).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEqualTo("warning: required config item 'hostname' (Hostname) has no value;"
        + " set it with: tugboat config set SPEC hostname=VALUE\n");
  }

  @Test
  void refusesAValueThatBreaksItsType() throws Exception {
    CliRun run = CliRun.of("render", spec(SPEC).toString(), "--set", "debug=yes");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("tugboat render: config item 'debug': it is a bool: its value must be"
        + " 1 (on) or 0 (off), got 'yes'\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void templateErrorsPointIntoTheSpecFile() throws Exception {
    Path file = spec(SPEC.replace("'{{repl HostPrivateIpAddress \"db\" \"postgres\"}}'",
        "'{{repl HostPrivateIpAddress \"cache\" \"redis\"}}'"));

    CliRun run = CliRun.of("render", file.toString(), "--set", "hostname=h");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith(file + ":33:22: error [template] "
        + "components[1].containers[0].env_vars[1].value: ");
    assertThat(run.err()).endsWith("value: error calling HostPrivateIpAddress: the spec has no container"
        + " cache/redis (component name, then image_name or name)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingSpecFileIsOneLine() {
    CliRun run = CliRun.of("render", dir.resolve("none.yml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(dir.resolve("none.yml") + ": no such file\n");
  }

  @Test
  void hostAddressesMayBeGiven() throws Exception {
    Path file = spec(SPEC.replace("app_url: 'https://{{repl ConfigOption \"hostname\"}}'",
        "app_url: 'https://{{repl ThisHostPrivateIpAddress}}/{{repl ThisHostPublicIpAddress}}'"));

    CliRun run = CliRun.of("render", file.toString(), "--set", "hostname=h", "--private-address",
        "10.1.2.3", "--public-address", "203.0.113.7");

    assertThat(run.out()).contains("app_url: https://10.1.2.3/203.0.113.7\n");
  }
}
