package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  private static final String GOOD = """
      replicated_api_version: 2.8.0
      name: Shop
      components:
      - name: db
        containers:
        - source: public
          image_name: postgres
          version: "15"
          publish_events:
          - name: db started
            trigger: container-start
            subscriptions:
            - component: web
              container: shop
              action: start
      - name: web
        containers:
        - source: public
          image_name: shop
          version: "1.0"
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = TugboatCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private String file(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  private String output() {
    return out.toString().replace(dir + "/", "");
  }

  @Test
  void aGoodSpecExitsZero() throws Exception {
    assertThat(run("validate", file("app.yml", GOOD))).isZero();
    assertThat(output()).isEqualTo("1 file checked: 0 errors, 0 warnings\n");
  }

  @Test
  void warningsAloneExitZero() throws Exception {
    assertThat(run("validate", file("app.yml", GOOD + "    ephemral: true\n"))).isZero();
    assertThat(output()).isEqualTo("""
        app.yml:21:5: warning [unknown-key] unknown key "ephemral" in components[1].containers[0] (did you mean ephemeral?)
        1 file checked: 0 errors, 1 warning
        """);
  }

  @Test
  void errorsExitOneWithTheirPositions() throws Exception {
    String broken = GOOD.replace("container: shop", "container: shp");
    assertThat(run("validate", file("app.yml", broken), file("other.yml", GOOD))).isEqualTo(1);
    assertThat(output()).isEqualTo("""
        app.yml:14:20: error [subscription-target-exists] subscription of event "db started" names container web/shp, which does not exist (did you mean shop?)
        2 files checked: 1 error, 0 warnings
        """);
  }

  @Test
  void unreadableFilesExitTwo() throws Exception {
    Files.write(dir.resolve("binary.yml"), new byte[] {0, 1, 2});
    assertThat(run("validate", file("app.yml", GOOD), dir.resolve("binary.yml").toString(),
        dir.resolve("missing.yml").toString())).isEqualTo(2);
    assertThat(output()).isEqualTo("""
        binary.yml: error [unreadable] is a binary file (it contains NUL bytes), not a YAML spec
        missing.yml: error [unreadable] no such file
        3 files checked: 2 errors, 0 warnings (2 files could not be read)
        """);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void syntaxErrorsKeepTheirPosition() throws Exception {
    assertThat(run("validate", file("app.yml", "name: x\na: b: c\n"))).isEqualTo(2);
    assertThat(output()).startsWith(
        "app.yml:2:5: error [unreadable] YAML syntax error: mapping values are not allowed here\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    assertThat(run("validate", "--format", "xml", "app.yml")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '--format'");
  }

  @Test
  void jsonFormatPrintsTheSameProblemsForTools() throws Exception {
    String broken = GOOD.replace("container: shop", "container: shp");
    assertThat(run("validate", "--format", "json", file("app.yml", broken))).isEqualTo(1);
    JsonNode problems = new ObjectMapper().readTree(output());
    assertThat(problems).hasSize(1);
    JsonNode first = problems.get(0);
    assertThat(first.get("file").asText()).isEqualTo("app.yml");
    assertThat(first.get("line").asInt()).isEqualTo(14);
    assertThat(first.get("column").asInt()).isEqualTo(20);
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("rule").asText()).isEqualTo("subscription-target-exists");
    assertThat(first.get("path").asText())
        .isEqualTo("components[0].containers[0].publish_events[0].subscriptions[0].container");
    assertThat(first.get("message").asText()).startsWith("subscription of event \"db started\"");
  }

  @Test
  void jsonFormatWithNoProblemsIsAnEmptyArray() throws Exception {
    assertThat(run("validate", "--format=JSON", file("app.yml", GOOD))).isZero();
    assertThat(output().trim()).isEqualTo("[ ]");
  }

  @Test
  void jsonFormatListsUnreadableFilesWithoutAPosition() throws Exception {
    assertThat(run("validate", "--format", "json", file("app.yml", ""))).isEqualTo(2);
    JsonNode problem = new ObjectMapper().readTree(output()).get(0);
    assertThat(problem.has("line")).isFalse();
    assertThat(problem.get("rule").asText()).isEqualTo("unreadable");
    assertThat(problem.get("message").asText())
        .isEqualTo("is empty; a spec needs at least replicated_api_version and name");
  }

  @Test
  void malformedInputGivesOneLineErrorsAndNoStackTrace() throws Exception {
    java.util.List<String> corpus = new java.util.ArrayList<>();
    corpus.add(file("truncated.yml", GOOD.substring(0, GOOD.indexOf("version") + 3)));
    corpus.add(file("half-line.yml", GOOD.substring(0, GOOD.indexOf("\"15\"") + 2)));
    corpus.add(file("wrong-types.yml", GOOD.replace("version: \"15\"", "version: [15]")
        .replace("container: shop", "container: {name: shop}").replace("trigger: container-start", "trigger:")));
    corpus.add(file("deep.yml", "a: " + "[".repeat(80) + "]".repeat(80)));
    corpus.add(file("tabs.yml", "name: x\n\tcomponents: []\n"));
    corpus.add(file("list.yml", "- replicated_api_version: 2.8.0\n"));
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char level = 'b'; level <= 'j'; level++) {
      bomb.append(level).append(": &").append(level).append(" [*").append((char) (level - 1))
          .append(", *").append((char) (level - 1)).append(", *").append((char) (level - 1))
          .append(", *").append((char) (level - 1)).append(", *").append((char) (level - 1))
          .append(", *").append((char) (level - 1)).append("]\n");
    }
    corpus.add(file("bomb.yml", bomb.toString()));
    Files.write(dir.resolve("latin1.yml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    corpus.add(dir.resolve("latin1.yml").toString());
    Files.write(dir.resolve("huge.yml"), new byte[9 * 1024 * 1024]);
    corpus.add(dir.resolve("huge.yml").toString());
    for (String file : corpus) {
      out.getBuffer().setLength(0);
      int exit = run("validate", file);
      assertThat(exit).as(file).isIn(1, 2);
      assertThat(err.toString()).as(file).isEmpty();
      assertThat(output()).as(file).doesNotContain("Exception").doesNotContain("\tat ");
      String[] lines = output().split("\n");
      assertThat(lines[lines.length - 1]).as(file).startsWith("1 file checked: ");
    }
  }

  @Test
  void anUnclosedTemplateActionIsReportedOnce() throws Exception {
    String spec = GOOD + "    env_vars:\n    - name: A\n      value: '{{repl ConfigOption \"a\" '\n";
    assertThat(run("validate", file("app.yml", spec))).isEqualTo(1);
    assertThat(output()).contains("[template-syntax]").doesNotContain("[template-delimiters]");
  }
}
