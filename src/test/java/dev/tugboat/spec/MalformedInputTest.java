package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: every case ends in a one-line {@link SpecLoadException} or in problems,
 * never in another exception.
 */
class MalformedInputTest {
  private final SpecLoader loader = new SpecLoader();
  @TempDir Path dir;

  private static String everyField() throws IOException {
    try (InputStream in = MalformedInputTest.class.getResourceAsStream("/specs/every-field.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String failure(byte[] bytes) throws IOException {
    Path file = dir.resolve("app.yml");
    Files.write(file, bytes);
    try {
      loader.load(file);
      throw new AssertionError("expected the file to be refused");
    } catch (SpecLoadException e) {
      return e.getMessage().replace(file.toString(), "app.yml");
    }
  }

  private String failure(String text) throws IOException {
    return failure(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void emptyAndCommentOnlyFiles() throws Exception {
    assertThat(failure("")).isEqualTo("app.yml: is empty; a spec needs at least replicated_api_version and name");
    assertThat(failure("# nothing\n\n")).startsWith("app.yml: is empty");
  }

  @Test
  void notAMapping() throws Exception {
    assertThat(failure("- a\n- b\n")).isEqualTo("app.yml:1:1: the spec must be a mapping of keys"
        + " (replicated_api_version, name, components, ...), found a list");
    assertThat(failure("just text\n")).endsWith("found \"just text\"");
  }

  @Test
  void binaryAndNotUtf8() throws Exception {
    assertThat(failure(new byte[] {'a', ':', 0, 1, 2, (byte) 0xff}))
        .isEqualTo("app.yml: is a binary file, not a YAML spec");
    assertThat(failure(new byte[] {'a', ':', ' ', 0, 1, 2}))
        .isEqualTo("app.yml: is a binary file (it contains NUL bytes), not a YAML spec");
    assertThat(failure("name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("app.yml: is not UTF-8 text (byte at or near offset 9); save the spec as UTF-8");
  }

  @Test
  void tooLarge() throws Exception {
    byte[] huge = new byte[SpecLoader.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '#');
    assertThat(failure(huge)).isEqualTo("app.yml: is 8388609 bytes, more than the limit of 8388608"
        + " bytes (8 MiB) for a spec");
  }

  @Test
  void syntaxErrorsNameLineAndColumn() throws Exception {
    assertThat(failure("name: x\ncomponents:\n  - name: [a\n")).startsWith("app.yml:4:1: YAML syntax error: ");
    assertThat(failure("name: x\n\tversion: 1\n")).startsWith("app.yml:2:1: YAML syntax error: ");
    assertThat(failure("a: b: c\n")).isEqualTo("app.yml:1:5: YAML syntax error: mapping values are"
        + " not allowed here");
  }

  @Test
  void aliasBombIsRefused() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    String previous = "a";
    for (char level = 'b'; level <= 'j'; level++) {
      bomb.append(level).append(": &").append(level).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous))).append("]\n");
      previous = String.valueOf(level);
    }
    assertThat(failure(bomb.toString())).isEqualTo("app.yml: too many YAML aliases (Number of aliases"
        + " for non-scalar nodes exceeds the specified max=50); an alias bomb is refused");
  }

  @Test
  void aliasesWithinTheLimitThatStillExpandHugelyAreRefused() throws Exception {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
          .append(", *a").append(i - 1).append("]\n");
    }
    assertThat(failure(bomb.toString())).isEqualTo("app.yml: the spec expands to more than 2000000"
        + " values through YAML aliases; write the repeated parts out or use fewer aliases");
  }

  @Test
  void recursiveAliasIsRefused() throws Exception {
    assertThat(failure("a: &a [1, *a]\n")).isEqualTo("app.yml:1:4: a YAML alias refers to a list or"
        + " mapping that contains it, which never ends; remove the recursive alias");
  }

  @Test
  void deepNestingIsRefused() throws Exception {
    assertThat(failure("a: " + "[".repeat(500) + "]".repeat(500) + "\n"))
        .isEqualTo("app.yml: the YAML is nested more than 50 levels deep");
    assertThat(failure("a: " + "{b: ".repeat(100) + "c" + "}".repeat(100) + "\n"))
        .isEqualTo("app.yml: the YAML is nested more than 50 levels deep");
  }

  @Test
  void missingFileAndDirectory() {
    assertThatThrownBy(() -> loader.load(dir.resolve("none.yml")))
        .hasMessageEndingWith("none.yml: no such file");
    assertThatThrownBy(() -> loader.load(dir)).hasMessageEndingWith(": is a directory, not a spec file");
  }

  @Test
  void everyTruncationEndsInProblemsOrAOneLineError() throws Exception {
    String text = everyField();
    for (int cut = 0; cut < text.length(); cut += 23) {
      assertLoadsOrFailsCleanly(text.substring(0, cut));
    }
  }

  @Test
  void wrongTypesEverywhereEndInProblems() throws Exception {
    String[] lines = everyField().split("\n", -1);
    List<String> replacements = List.of("[1, 2]", "{a: b}", "\"\"", "~", "-7", "!!binary aGk=");
    for (int i = 0; i < lines.length; i++) {
      int colon = lines[i].indexOf(": ");
      if (colon < 0 || lines[i].trim().startsWith("#")) {
        continue;
      }
      // One wrong value per line, taking turns, keeps this test quick while every kind is used.
      String replacement = replacements.get(i % replacements.size());
      List<String> mutated = new ArrayList<>(List.of(lines));
      mutated.set(i, lines[i].substring(0, colon + 2) + replacement);
      assertLoadsOrFailsCleanly(String.join("\n", mutated));
    }
  }

  private void assertLoadsOrFailsCleanly(String text) {
    try {
      LoadedSpec loaded = loader.load(text, "app.yml");
      List<Problem> problems = new SpecValidator().validate(loaded.spec());
      problems.forEach(p -> assertThat(p.message()).doesNotContain("\n"));
    } catch (SpecLoadException e) {
      assertThat(e.getMessage()).startsWith("app.yml").doesNotContain("\n");
    }
  }
}
