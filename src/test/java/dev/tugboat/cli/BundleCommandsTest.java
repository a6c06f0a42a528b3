package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bundle commands refuse before they ask the engine anything. */
class BundleCommandsTest {

  @TempDir Path dir;

  @Test
  void aSpecWithErrorsIsReportedAsValidateReportsItAndNoBundleIsWritten() throws Exception {
    Path spec = Files.writeString(dir.resolve("shop.yml"), """
        replicated_api_version: 2.8.0
        name: shop
        version: "2"
        components:
        - name: web
          containers:
          - source: public
            version: "2"
        """);
    Path out = dir.resolve("shop.tar");

    CliRun run = CliRun.of("bundle", "create", spec.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsPattern(
        java.util.regex.Pattern.quote(spec.toString()) + ":7:\\d+: error \\[[a-z-]+\\]")
        .contains("has errors; no bundle was written");
    assertThat(out).doesNotExist();
    assertThat(Files.list(dir)).containsExactly(spec);
  }

  @Test
  void aTemplatedImageIsRefusedWithItsPosition() throws Exception {
    Path spec = Files.writeString(dir.resolve("shop.yml"), """
        replicated_api_version: 2.8.0
        name: shop
        version: "2"
        components:
        - name: web
          containers:
          - source: public
            image_name: '{{repl ConfigOption "registry"}}/web'
            version: "2"
        config:
        - name: main
          items:
          - name: registry
            type: text
            default: shop
        """);

    CliRun run = CliRun.of("bundle", "create", spec.toString(), "-o", dir.resolve("b.tar")
        .toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(spec + ":8:17: error [bundle-image-template] container"
        + " web/{{repl ConfigOption \"registry\"}}/web: image");
  }

  @Test
  void aFileThatIsNotABundleIsRefusedAndNothingIsLoaded() throws Exception {
    Path other = Files.writeString(dir.resolve("notes.tar"), "not a tar at all");

    CliRun run = CliRun.of("bundle", "load", other.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("tugboat bundle load: " + other + ": this is not a Tugboat"
        + " bundle").contains("nothing was loaded");
  }

  @Test
  void applyTakesASpecOrABundleNotBoth() throws Exception {
    Path config = Files.writeString(dir.resolve("tugboat.yml"), "state_dir: state\n");
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/token"), "t");

    CliRun run = CliRun.of("apply", "x.yml", "--bundle", "b.tar", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give either NEW_SPEC or --bundle FILE");
  }
}
