package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void aCommandsNameBuildsOnlyThatCommand() {
    assertThat(TugboatCommand.commandLine(new String[] {"serve", "--config", "x.yml"}).getSubcommands())
        .containsOnlyKeys("serve");
    assertThat(TugboatCommand.commandLine(new String[] {"config", "get"}).getSubcommands())
        .containsOnlyKeys("config");
  }

  @Test
  void helpNoArgumentsAndUnknownNamesGetEveryCommand() {
    int all = TugboatCommand.commandLine().getSubcommands().size();
    assertThat(all).isGreaterThan(10);
    assertThat(TugboatCommand.commandLine(new String[] {"help", "status"}).getSubcommands()).hasSize(all);
    assertThat(TugboatCommand.commandLine(new String[0]).getSubcommands()).hasSize(all);
    assertThat(TugboatCommand.commandLine(new String[] {"--version"}).getSubcommands()).hasSize(all);
    assertThat(TugboatCommand.commandLine(new String[] {"statsu"}).getSubcommands()).hasSize(all);
  }

  @Test
  void aMistypedCommandStillGetsSuggestions() {
    CommandLine line = TugboatCommand.commandLine(new String[] {"statsu"});
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err));
    assertThat(line.execute("statsu")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'statsu'")
        .contains("Did you mean: tugboat status");
  }

  @Test
  void enumValuesAreCaseInsensitiveAlsoWhenOneCommandIsBuilt() {
    assertThat(TugboatCommand.commandLine(new String[] {"render"}).getSubcommands().get("render")
        .isCaseInsensitiveEnumValuesAllowed()).isTrue();
  }
}
