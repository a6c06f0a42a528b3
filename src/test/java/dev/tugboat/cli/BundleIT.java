package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An air-gapped upgrade as an operator does it, from the built jar on the real engine: a bundle is
 * made of a spec whose image is a uniquely tagged copy of the busybox test image, the image is
 * removed (the host now lacks it, as one that reaches no registry would), and the daemon, running
 * version 1, refuses the bundle with one byte changed (nothing loaded, spec unchanged), shows the
 * good one's changes in a dry run (nothing loaded), then loads it and runs version 2 from it.
 * {@code tugboat bundle load} loads the same bundle without a daemon.
 */
class BundleIT {

  @TempDir Path dir;
  private final String app = TestSpecs.uniqueApp("it-bundle");
  private final String image = "tugboat-bundle-it/busybox:" + UUID.randomUUID().toString()
      .substring(0, 12);
  private TugboatProcess daemon;

  @BeforeEach
  void tagTheTestImage() throws Exception {
    DockerCli.run("tag", "tugboat-test/busybox:1", image);
  }

  @AfterEach
  void removeEverything() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    DockerCli.removeApp(app);
    removeImage();
  }

  @Test
  void aBundleUpgradesAHostWithoutItsImageAndAChangedByteIsRefused() throws Exception {
    Path v1 = spec("v1.yml", "1", "tugboat-test/busybox", "1");
    Path v2 = spec("v2.yml", "2", image.substring(0, image.indexOf(':')),
        image.substring(image.indexOf(':') + 1));
    Path bundle = dir.resolve(app + "-2.tar");
    long began = System.nanoTime();
    try (TugboatProcess create = TugboatProcess.start("bundle", "create", v2.toString(), "-o",
        bundle.toString())) {
      assertThat(create.awaitExit(Duration.ofSeconds(120))).as(create.stderr()).isZero();
      assertThat(create.stdout()).startsWith("wrote " + bundle + ": " + app + " 2, 3 parts"
          + " (manifest, spec and 1 image), ");
      assertThat(create.stderr()).contains("save " + image + ": ");
    }
    System.out.printf("bundle of %d bytes made in %.1f s%n", Files.size(bundle),
        (System.nanoTime() - began) / 1e9);
    removeImage();
    assertThat(imagePresent()).isFalse();

    Path config = dir.resolve("tugboat.yml");
    Files.writeString(config, "listen: 127.0.0.1:" + TestSpecs.freePort() + "\nstate_dir: state\n"
        + "app: " + v1 + "\nintegration_port: " + TestSpecs.freePort() + "\n");
    daemon = TugboatProcess.start("serve", "--config", config.toString());
    awaitStarted(config, "1");

    Path tampered = dir.resolve("tampered.tar");
    byte[] bytes = Files.readAllBytes(bundle);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(tampered, bytes);
    CliRun refused = CliRun.of("apply", "--bundle", tampered.toString(), "--config",
        config.toString());
    assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
    assertThat(refused.err()).contains("tampered.tar: part images/01-tugboat-bundle-it_busybox_")
        .contains("does not match its SHA-256 in manifest.json")
        .contains("nothing was loaded or changed");
    assertThat(imagePresent()).isFalse();
    assertThat(statusVersion(config)).isEqualTo("1");

    CliRun dryRun = CliRun.of("apply", "--bundle", bundle.toString(), "--dry-run", "--config",
        config.toString());
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out()).contains("was verified; nothing was loaded or changed")
        .contains(app + " 1 -> " + app + " 2\n")
        .contains("  + container web/tugboat-bundle-it/busybox\n")
        .contains("  - container web/tugboat-test/busybox\n");
    assertThat(imagePresent()).isFalse();

    try (TugboatProcess apply = TugboatProcess.start("apply", "--bundle", bundle.toString(),
        "--config", config.toString())) {
      assertThat(apply.awaitExit(Duration.ofSeconds(180))).as(apply.stdout() + apply.stderr())
          .isZero();
      assertThat(apply.stdout()).startsWith("loaded 1 image of " + app + " 2 (")
          .containsPattern("\n" + app + " 2 \\(run [^)]+\\): started$");
    }
    assertThat(imagePresent()).isTrue();
    String container = DockerCli.containersOf(app).get(0);
    assertThat(DockerCli.inspect(container, "{{.Config.Image}}")).isEqualTo(image);
    assertThat(DockerCli.inspect(container, "{{.State.Running}}")).isEqualTo("true");
    assertThat(Files.list(dir.resolve("state/bundle-uploads"))).as("uploads removed").isEmpty();
  }

  @Test
  void bundleLoadLoadsTheImagesAndWritesTheSpecWithoutADaemon() throws Exception {
    Path spec = spec("v2.yml", "2", image.substring(0, image.indexOf(':')),
        image.substring(image.indexOf(':') + 1));
    Path bundle = dir.resolve("b.tar");
    assertThat(CliRun.of("bundle", "create", spec.toString(), "-o", bundle.toString())
        .exitCode()).isZero();
    removeImage();

    Path written = dir.resolve("from-bundle.yml");
    CliRun load = CliRun.of("bundle", "load", bundle.toString(), "--spec-out",
        written.toString());

    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(load.out()).contains("verified " + bundle + ": " + app + " 2")
        .contains("loaded 1 image (" + image + ")");
    assertThat(imagePresent()).isTrue();
    assertThat(Files.readString(written)).isEqualTo(Files.readString(spec));
  }

  private Path spec(String file, String version, String imageName, String tag)
      throws IOException {
    return Files.writeString(dir.resolve(file), "replicated_api_version: 2.38.0\n"
        + "name: \"" + app + "\"\nversion: \"" + version + "\"\ncomponents:\n- name: web\n"
        + "  containers:\n  - source: public\n    image_name: " + imageName + "\n"
        + "    version: \"" + tag + "\"\n"
        + "    cmd: '[\"sh\", \"-c\", \"trap \\\"exit 0\\\" TERM; while true; do sleep 0.2; done\"]'\n"
        + "    stop_timeout: 2\n", StandardCharsets.UTF_8);
  }

  private boolean imagePresent() throws Exception {
    return !DockerCli.run("images", "-q", image).isEmpty();
  }

  private void removeImage() throws Exception {
    if (imagePresent()) {
      DockerCli.run("rmi", image);
    }
  }

  private static String statusVersion(Path config) throws IOException {
    CliRun run = CliRun.of("status", "--json", "--config", config.toString());
    return new ObjectMapper().readTree(run.out()).path("app").path("version").asText();
  }

  private static void awaitStarted(Path config, String version) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      CliRun run = CliRun.of("status", "--json", "--config", config.toString());
      if (run.exitCode() != 0) {
        return false;
      }
      JsonNode status = new ObjectMapper().readTree(run.out());
      assertThat(status.path("state").asText()).as(run.out()).isNotEqualTo("failed");
      return status.path("app").path("version").asText().equals(version)
          && status.path("state").asText().equals("started");
    });
  }
}
