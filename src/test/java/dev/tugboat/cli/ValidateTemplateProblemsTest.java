package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tugboat validate} reports template syntax errors in the spec file's own coordinates. */
class ValidateTemplateProblemsTest {

  @TempDir Path dir;

  @Test
  void aTemplateThatDoesNotParseIsAnErrorAtItsPlaceInTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: Shop
        version: "1"
        properties:
          app_url: 'https://{{repl ConfigOption "hostname" | Bogus}}'
        config:
        - name: g
          items:
          - {name: hostname, type: text}
        """);

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(file + ":5:54: error [template-syntax] properties.app_url: unknown"
        + " function \"Bogus\"\n1 file checked: 1 error, 0 warnings\n");
  }

  @Test
  void aConfigItemTheScreenDoesNotHaveIsAnErrorWhereItIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("app.yml"), """
        replicated_api_version: 2.8.0
        name: Shop
        version: "1"
        config:
        - name: g
          items:
          - {name: hostname, type: text}
        components:
        - name: web
          containers:
          - source: public
            image_name: shop
            version: "1"
            when: '{{repl ConfigOptionEquals "nope" "1"}}'
            env_vars:
            - {name: HOST, value: '{{repl ConfigOption "hostnme"}}'}
            - {name: OK, value: '{{repl ConfigOption "hostname"}}'}
        """);

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(file + ":14:38: error [config-item-exists]"
        + " components[0].containers[0].when: no config item named \"nope\"; name an item of the"
        + " config screen, or add one\n"
        + file + ":16:48: error [config-item-exists] components[0].containers[0].env_vars[0].value:"
        + " no config item named \"hostnme\" (did you mean hostname?); name an item of the config"
        + " screen, or add one\n1 file checked: 2 errors, 0 warnings\n");
  }
}
