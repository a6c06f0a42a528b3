package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.testing.BuiltJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's class data sharing archive as the package and scripts/install.sh make it
 * (config/deb/tugboat-cds-archive, with the Java on PATH, as the unit's): it holds the classes of
 * the daemon's start and those of an app's start, which its daemon loads without starting an app.
 */
class ServiceArchiveIT {

  @TempDir Path work;

  @Test
  void holdsTheClassesOfTheDaemonsStartAndOfAnAppsStart() throws Exception {
    Path archive = work.resolve("tugboat.jsa");
    String jar = BuiltJar.path();

    List<String> made = run("sh", "config/deb/tugboat-cds-archive", jar, archive.toString());

    assertThat(made).containsExactly("made " + archive);
    List<String> held = run("java", "-XX:SharedArchiveFile=" + archive,
        "-XX:+PrintSharedArchiveAndExit", "-cp", jar);
    assertThat(held).contains("archive is valid");
    assertThat(held.stream().map(ServiceArchiveIT::className))
        .as("the daemon's start: the API, the engine's client")
        .contains("dev.tugboat.api.ApiServer", "com.github.dockerjava.core.DockerClientImpl")
        .as("an app's start: its spec, the run, its creates")
        .contains("dev.tugboat.spec.SpecLoader", "dev.tugboat.orchestrator.RunLoop",
            "com.github.dockerjava.core.command.CreateContainerCmdImpl");
  }

  /** "1930: dev.tugboat.spec.SpecLoader app_loader" -> the class's name. */
  private static String className(String line) {
    String[] words = line.strip().split(" ");
    return words.length == 3 && words[0].endsWith(":") ? words[1] : "";
  }

  private List<String> run(String... command) throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    return Files.readAllLines(out);
  }
}
