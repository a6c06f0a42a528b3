package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainCommandLineTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void theUnitsCommandLineIsReadWithoutPicocli() {
    ServeCommand serve = PlainCommandLine.serve(List.of("--config", "/etc/tugboat/tugboat.yml"))
        .orElseThrow();
    assertThat(serve.configFile).isEqualTo(Path.of("/etc/tugboat/tugboat.yml"));
    assertThat(serve.noStart).isFalse();

    serve = PlainCommandLine.serve(List.of("--no-start", "--config=t.yml")).orElseThrow();
    assertThat(serve.configFile).isEqualTo(Path.of("t.yml"));
    assertThat(serve.noStart).isTrue();

    serve = PlainCommandLine.serve(List.of()).orElseThrow();
    assertThat(serve.configFile).isNull();
  }

  @Test
  void runOfASpecAloneHasEveryOptionAtPicoclisDefault() {
    RunCommand plain = PlainCommandLine.run(List.of("app.yml")).orElseThrow();
    RunCommand viaPicocli = new RunCommand();
    new picocli.CommandLine(viaPicocli).parseArgs("app.yml");

    assertThat(plain).usingRecursiveComparison().isEqualTo(viaPicocli);
    assertThat(plain.specFile).isEqualTo(Path.of("app.yml"));
  }

  @Test
  void validateOfPlainFilesPrintsWhatPicocliWould() throws Exception {
    Path spec = Files.writeString(dir.resolve("app.yml"), "replicated_api_version: 2.8.0\n"
        + "name: x\nversion: 1\ncomponents: []\n");
    Path missing = dir.resolve("missing.yml");
    String[] args = {"validate", spec.toString(), missing.toString()};

    int plainCode = parse(args).orElseThrow().call();
    CliRun viaPicocli = CliRun.of(args);

    assertThat(plainCode).isEqualTo(viaPicocli.exitCode()).isEqualTo(ValidateCommand.UNREADABLE);
    assertThat(out.toString()).isEqualTo(viaPicocli.out()).contains("2 files checked");
  }

  @Test
  void aClientCommandWithoutADaemonSaysSoAsPicocliWould() throws Exception {
    Path config = Files.writeString(dir.resolve("tugboat.yml"),
        "listen: 127.0.0.1:1\nstate_dir: " + dir + "\n");
    Files.writeString(dir.resolve("token"), "tok\n");
    for (String command : List.of("start", "stop", "restart", "status")) {
      String[] args = {command, "--config", config.toString()};
      err.getBuffer().setLength(0);

      int plainCode = parse(args).orElseThrow().call();
      CliRun viaPicocli = CliRun.of(args);

      assertThat(plainCode).as(command).isEqualTo(viaPicocli.exitCode())
          .isEqualTo(DaemonClient.NOT_RUNNING);
      assertThat(err.toString()).as(command).isEqualTo(viaPicocli.err())
          .startsWith("tugboat " + command + ": the daemon is not running");
    }
  }

  @Test
  void anythingElseIsLeftToPicocliWhichExplainsIt() {
    for (String[] args : new String[][] {
        {}, {"serve", "--help"}, {"serve", "-h"}, {"serve", "--config"},
        {"serve", "--config", "--no-start"}, {"serve", "--config="}, {"serve", "extra"},
        {"serve", "--config", "a.yml", "--config", "b.yml"}, {"serve", "--no-start", "--no-start"},
        {"serve", "--version"}, {"validate"}, {"validate", "--format", "json", "a.yml"},
        {"validate", "a.yml", "--help"}, {"validate", ""}, {"status", "--json"},
        {"status", "--config"}, {"stop", "--config", "a.yml", "extra"}, {"restart", "-h"},
        {"start", "--config", "a.yml", "--config", "b.yml"}, {"logs", "db/postgres"}, {"run"},
        {"run", "a.yml", "--set", "x=1"}, {"run", "--stop-after-start", "a.yml"}, {"run", "-h"},
        {"run", "a.yml", "b.yml"}}) {
      assertThat(parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  private java.util.Optional<java.util.concurrent.Callable<Integer>> parse(String[] args) {
    return PlainCommandLine.parse(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
