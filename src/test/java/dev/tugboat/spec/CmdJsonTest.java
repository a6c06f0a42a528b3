package dev.tugboat.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CmdJsonTest {

  private final CmdJson cmdJson = new CmdJson();

  @Test
  void readsAnArrayOfStringsWithActionsKeptRaw() {
    assertThat(cmdJson.parse("[\"serve\", \"--level\", \"{{repl ConfigOption \"level\"}}\"]"))
        .isEqualTo(new CmdJson.Parsed(
            List.of("serve", "--level", "{{repl ConfigOption \"level\"}}")));
  }

  @Test
  void readsEscapesAndAnEmptyArray() {
    assertThat(cmdJson.parse("[\"a\\\"b\", \"c\\u0041\"]"))
        .isEqualTo(new CmdJson.Parsed(List.of("a\"b", "cA")));
    assertThat(cmdJson.parse("[]")).isEqualTo(new CmdJson.Parsed(List.of()));
  }

  @Test
  void saysWhichElementIsNotAString() {
    assertThat(cmdJson.parse("[\"a\", 1]"))
        .isEqualTo(new CmdJson.Invalid("has element 1 that is not a string (1)"));
    assertThat(cmdJson.parse("[\"a\", {\"b\": [true]}]"))
        .isEqualTo(new CmdJson.Invalid("has element 1 that is not a string ({\"b\":[true]})"));
  }

  @Test
  void saysWhatIsNotAnArrayOrNotJson() {
    assertThat(cmdJson.parse("\"serve\"")).isEqualTo(new CmdJson.Invalid("is not a JSON array"));
    assertThat(cmdJson.parse("[\"serve\"")).isInstanceOf(CmdJson.Invalid.class);
    assertThat(((CmdJson.Invalid) cmdJson.parse("[\"serve\"")).reason())
        .startsWith("is not valid JSON (");
  }

  @Test
  void anActionOutsideTheStringsNeedsRendering() {
    assertThat(cmdJson.parse("[\"serve\", {{repl ConfigOption \"args\"}}]"))
        .isInstanceOf(CmdJson.NeedsRendering.class);
  }
}
