package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The daemon's commented config file is what operators copy from: every function it names exists. */
class DaemonConfigFunctionsTest {

  private static final Pattern ACTION = Pattern.compile("\\{\\{repl\\s+([A-Za-z][A-Za-z0-9]*)");

  @Test
  void everyFunctionTheDaemonConfigNamesExists() throws Exception {
    String text = Files.readString(Path.of("config/tugboat.yml"));
    List<String> named = new ArrayList<>();
    Matcher matcher = ACTION.matcher(text);
    while (matcher.find()) {
      named.add(matcher.group(1));
    }
    assertThat(named).isNotEmpty();
    assertThat(named).allSatisfy(name -> assertThat(FunctionLibrary.standard().lookup(name))
        .as("function %s named in config/tugboat.yml", name).isPresent());
  }
}
