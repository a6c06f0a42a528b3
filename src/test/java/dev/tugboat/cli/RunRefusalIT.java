package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat run} from the built jar refuses a spec whose third container does not render
 * before anything runs: exit 2, the error at its file:line:column, and no container on the engine.
 */
class RunRefusalIT {

  private final String app = TestSpecs.uniqueApp("it-refuse");

  @AfterEach
  void removeContainers() throws Exception {
    DockerCli.removeApp(app);
  }

  @Test
  void aTemplateErrorInTheThirdContainerStartsNothing(@TempDir Path dir) throws Exception {
    Path spec = TestSpecs.write(dir, "third-fails.yml", Map.of("APP", app));
    List<String> lines = Files.readAllLines(spec);
    int line = 0;
    while (!lines.get(line).contains("ParseInt \"abc\"")) {
      line++;
    }
    String position = spec + ":" + (line + 1) + ":" + (lines.get(line).indexOf("ParseInt") + 1);

    try (TugboatProcess tugboat = TugboatProcess.start("run", spec.toString(), "--stop-after-start")) {
      assertThat(tugboat.awaitExit(Duration.ofSeconds(120))).as(tugboat.stderr()).isEqualTo(2);
      assertThat(tugboat.stderr()).contains(position + ": error [template-render]"
          + " components[2].containers[0].env_vars[0].value: error calling ParseInt:"
          + " strconv.ParseInt: parsing \"abc\": invalid syntax");
      assertThat(tugboat.stdout()).doesNotContain("starting");
    }
    assertThat(DockerCli.containersOf(app)).isEmpty();
  }
}
