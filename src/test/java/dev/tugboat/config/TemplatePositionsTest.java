package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.SourcePosition;
import org.junit.jupiter.api.Test;

class TemplatePositionsTest {

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("app.yml", line, column);
  }

  @Test
  void plainScalarAddsTheColumnInsideTheTemplate() {
    String text = "a:\n  b: x {{repl Bad}}\n";
    assertThat(TemplatePositions.locate(text, at(2, 6), 1, 3)).isEqualTo(at(2, 8));
  }

  @Test
  void quotedScalarSkipsTheQuoteAndCountsEscapesAsWritten() {
    String text = "v: \"a\\\"b {{repl X}}\"\n";
    // value a"b {{repl X}}: the action starts at character 5, written at column 9 (after 3 + quote + a\"b + space)
    assertThat(TemplatePositions.locate(text, at(1, 4), 1, 5)).isEqualTo(at(1, 10));
    String single = "v: 'it''s {{repl X}}'\n";
    assertThat(TemplatePositions.locate(single, at(1, 4), 1, 6)).isEqualTo(at(1, 11));
  }

  @Test
  void blockScalarStartsOnTheNextLineAtItsIndentation() {
    String text = "contents: |\n  server {\n    name {{repl Bad}};\n  }\n";
    assertThat(TemplatePositions.locate(text, at(1, 11), 2, 8)).isEqualTo(at(3, 10));
  }

  @Test
  void aPositionOutsideTheFileFallsBackToTheField() {
    assertThat(TemplatePositions.locate("v: |\n", at(1, 4), 5, 1)).isEqualTo(at(1, 4));
    assertThat(TemplatePositions.locate("", at(9, 4), 1, 1)).isEqualTo(at(9, 4));
  }
}
