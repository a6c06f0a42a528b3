package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlainServeArgumentsTest {

  @Test
  void theUnitsCommandLineIsReadWithoutPicocli() {
    ServeCommand serve = PlainServeArguments.parse(
        new String[] {"serve", "--config", "/etc/tugboat/tugboat.yml"}).orElseThrow();
    assertThat(serve.configFile).isEqualTo(Path.of("/etc/tugboat/tugboat.yml"));
    assertThat(serve.noStart).isFalse();

    serve = PlainServeArguments.parse(new String[] {"serve", "--no-start", "--config=t.yml"})
        .orElseThrow();
    assertThat(serve.configFile).isEqualTo(Path.of("t.yml"));
    assertThat(serve.noStart).isTrue();

    serve = PlainServeArguments.parse(new String[] {"serve"}).orElseThrow();
    assertThat(serve.configFile).isNull();
  }

  @Test
  void anythingElseIsLeftToPicocliWhichExplainsIt() {
    for (String[] args : new String[][] {
        {}, {"run", "app.yml"}, {"serve", "--help"}, {"serve", "-h"}, {"serve", "--config"},
        {"serve", "--config", "--no-start"}, {"serve", "--config="}, {"serve", "extra"},
        {"serve", "--config", "a.yml", "--config", "b.yml"}, {"serve", "--no-start", "--no-start"},
        {"serve", "--version"}}) {
      assertThat(PlainServeArguments.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
