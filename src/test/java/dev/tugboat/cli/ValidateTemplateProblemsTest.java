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
}
