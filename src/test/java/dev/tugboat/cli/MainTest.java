package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void aCommandsNameBuildsOnlyThatCommand() {
    assertThat(Main.commandLine(new String[] {"serve", "--config", "x.yml"}).getSubcommands())
        .containsOnlyKeys("serve");
    assertThat(Main.commandLine(new String[] {"config", "get"}).getSubcommands())
        .containsOnlyKeys("config");
  }

  @Test
  void helpNoArgumentsAndUnknownNamesGetEveryCommand() {
    int all = Main.commandLine().getSubcommands().size();
    assertThat(all).isGreaterThan(10);
    assertThat(Main.commandLine(new String[] {"help", "status"}).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(new String[0]).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).hasSize(all);
    assertThat(Main.commandLine(new String[] {"statsu"}).getSubcommands()).hasSize(all);
  }

  @Test
  void aMistypedCommandStillGetsSuggestions() {
    CommandLine line = Main.commandLine(new String[] {"statsu"});
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err));
    assertThat(line.execute("statsu")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'statsu'")
        .contains("Did you mean: tugboat status");
  }

  @Test
  void enumValuesAreCaseInsensitiveAlsoWhenOneCommandIsBuilt() {
    assertThat(Main.commandLine(new String[] {"render"}).getSubcommands().get("render")
        .isCaseInsensitiveEnumValuesAllowed()).isTrue();
  }
}
