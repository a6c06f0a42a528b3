package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import dev.tugboat.spec.Problem;
import dev.tugboat.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateProblemsTest {

  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      version: "1"
      properties:
        title: "Shop \\"x\\" {{repl NoSuchFunc }}"
        url: 'https://{{repl ConfigOption "hostname"}}'
      config:
      - name: g
        items:
        - {name: hostname, type: text, default: '{{repl if}}'}
      components:
      - name: web
        containers:
        - source: public
          image_name: web
          version: "1"
          config_files:
          - filename: /etc/x.conf
            contents: |
              line one
                server {{repl (ConfigOption "hostname" }};
      """;

  @TempDir Path dir;

  @Test
  void reportsEveryTemplateThatDoesNotParseWhereItIsWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("shop.yml"), SPEC);
    AppSpec spec = new SpecLoader().load(file).spec();

    List<String> problems = new TemplateProblems().problems(spec).stream().map(Problem::toText).toList();

    assertThat(problems).containsExactly(
        file + ":5:29: error [template-syntax] properties.title: unknown function \"NoSuchFunc\"",
        file + ":10:53: error [template-syntax] config[0].items[0].default: missing value for if",
        file + ":21:50: error [template-syntax] components[0].containers[0].config_files[0].contents:"
            + " unclosed left paren");
  }

  @Test
  void aSpecWithGoodTemplatesHasNoProblems() throws Exception {
    String good = SPEC.replace("NoSuchFunc", "AppVersion").replace("{{repl if}}", "{{repl if true}}x{{repl end}}")
        .replace("(ConfigOption \"hostname\" }}", "(ConfigOption \"hostname\") }}");
    Path file = Files.writeString(dir.resolve("shop.yml"), good);

    assertThat(new TemplateProblems().problems(new SpecLoader().load(file).spec())).isEmpty();
  }

  @Test
  void aSpecFileThatCannotBeReadAgainIsAWarning() throws Exception {
    AppSpec spec = new SpecLoader().load(SPEC, dir.resolve("gone.yml").toString()).spec();

    assertThat(new TemplateProblems().problems(spec)).singleElement()
        .extracting(Problem::toText).asString()
        .startsWith(dir.resolve("gone.yml") + ":1:1: warning [template-syntax] templates were not checked:"
            + " cannot read " + dir.resolve("gone.yml") + " again: ");
  }
}
