package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.VolumeArchive;
import dev.tugboat.runtime.VolumeFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's archive endpoints as snapshots use them, on this host's engine: a named volume
 * and a host directory read out and written back, with owners, modes and symbolic links as they
 * were, and a named volume emptied by being made again with its driver, labels and options.
 */
class DockerVolumeArchiveIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final VolumeArchive archive = docker.runtime.volumeArchive();
  private final String volume = docker.name("snapdata");

  @TempDir Path dir;

  @AfterEach
  void removeVolume() throws Exception {
    docker.close();
    docker("volume", "rm", "-f", volume);
  }

  @Test
  void aNamedVolumeRoundTripsWithOwnersModesAndLinksAndIsMadeAgainAsItWas() throws Exception {
    docker("volume", "create", "--label", "dev.example.keep=yes", "--opt", "type=tmpfs",
        "--opt", "device=tmpfs", volume);
    fill("-v", volume + ":/d");
    DataMount data = new DataMount(DataMount.Kind.NAMED_VOLUME, volume);
    VolumeFacts facts = archive.inspectVolume(volume).orElseThrow();
    assertThat(facts.driver()).isEqualTo("local");
    assertThat(facts.labels()).containsEntry("dev.example.keep", "yes");
    assertThat(facts.options()).containsEntry("type", "tmpfs");
    String before = listing("-v", volume + ":/d");

    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    archive.read(data, DockerTestContainers.IMAGE, tar);
    archive.empty(data, archive.inspectVolume(volume));
    assertThat(listing("-v", volume + ":/d")).as("emptied").doesNotContain("secret");
    assertThat(archive.inspectVolume(volume).orElseThrow()).isEqualTo(facts);
    archive.write(data, DockerTestContainers.IMAGE, new ByteArrayInputStream(tar.toByteArray()));

    assertThat(listing("-v", volume + ":/d")).isEqualTo(before);
    assertThat(helpersLeft()).isEmpty();
  }

  @Test
  void aHostDirectoryRoundTripsAndIsEmptiedInPlace() throws Exception {
    Path host = Files.createDirectory(dir.resolve("data"));
    fill("-v", host + ":/d");
    DataMount data = new DataMount(DataMount.Kind.HOST_PATH, host.toString());
    String before = listing("-v", host + ":/d");
    assertThat(archive.size(data)).hasValue("1234\n".length() + "secret\n".length());

    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    archive.read(data, DockerTestContainers.IMAGE, tar);
    archive.empty(data, java.util.Optional.empty());
    try (var left = Files.list(host)) {
      assertThat(left).isEmpty();
    }
    archive.write(data, DockerTestContainers.IMAGE, new ByteArrayInputStream(tar.toByteArray()));

    assertThat(listing("-v", host + ":/d")).isEqualTo(before);
  }

  @Test
  void aMissingImageIsNamedAndNothingIsLeftBehind() {
    DataMount data = new DataMount(DataMount.Kind.NAMED_VOLUME, volume);
    assertThatThrownBy(() -> archive.read(data, "tugboat-test/no-such-image:1",
        new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(RuntimeFailure.class,
            e -> assertThat(e.kind()).isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND))
        .hasMessageContaining("tugboat-test/no-such-image:1");
  }

  @Test
  void aCopyContainerLeftByAnInterruptedCopyIsRemovedSoTheVolumeCanBeEmptied() throws Exception {
    docker("volume", "create", volume);
    fill("-v", volume + ":/d");
    String leftover = docker("create", "--label", DockerVolumeArchive.HELPER_LABEL + "=true",
        "--name", docker.name("leftover-copy"), "-v", volume + ":/tugboat-data",
        DockerTestContainers.IMAGE, "true");
    DataMount data = new DataMount(DataMount.Kind.NAMED_VOLUME, volume);
    assertThat(archive.holders(volume)).extracting(h -> h.id().value()).contains(leftover);

    archive.empty(data, archive.inspectVolume(volume));

    assertThat(listing("-v", volume + ":/d")).as("emptied").doesNotContain("secret");
    assertThat(docker("ps", "-a", "-q", "--no-trunc", "--filter", "id=" + leftover)).isEmpty();
    assertThat(archive.holders(volume)).isEmpty();
  }

  /** Files of two owners and modes, a link and a directory mode of its own, made as root. */
  private void fill(String... mount) throws IOException, InterruptedException {
    run(mount, "cd /d && mkdir -p sub && echo 1234 > sub/a && echo secret > b && ln -s sub/a link"
        + " && chown -R 1234:5678 sub && chown 99:98 b && chmod 0640 sub/a && chmod 0600 b"
        + " && chmod 0751 sub && chown 4321:4321 /d && chmod 0770 /d");
  }

  private String listing(String... mount) throws IOException, InterruptedException {
    return run(mount, "find /d | sort | xargs stat -c '%n %u:%g %a %F %N'"
        + " && cat /d/sub/a /d/b 2>/dev/null || true");
  }

  private static String run(String[] mount, String script) throws IOException,
      InterruptedException {
    List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none"));
    args.addAll(List.of(mount));
    args.addAll(List.of(DockerTestContainers.IMAGE, "sh", "-c", script));
    return docker(args.toArray(String[]::new));
  }

  private static String helpersLeft() throws IOException, InterruptedException {
    return docker("ps", "-a", "-q", "--filter", "label="
        + DockerVolumeArchive.HELPER_LABEL);
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + output);
    }
    return output.strip();
  }
}
