package dev.tugboat.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.DataMount;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.Mount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An image that declares a {@code VOLUME} (as PostgreSQL's, MySQL's and Redis's do) gives each
 * container an anonymous volume: nothing reaches it once the container is gone. Removing the
 * container removes it too, and a snapshot's copy through such an image leaves none behind; named
 * volumes stay. Otherwise each run, upgrade and snapshot leaves one more on a host nobody watches.
 */
class DockerAnonymousVolumesIT {

  /** The busybox image with {@code VOLUME /cache}, committed locally: nothing is pulled. */
  private static final String IMAGE = "tugboat-test/busybox-with-volume:it";

  private final DockerTestContainers docker = new DockerTestContainers();
  private final String named = docker.name("kept");

  @BeforeAll
  static void buildImage() throws Exception {
    String base = docker("create", DockerTestContainers.IMAGE, "true");
    try {
      docker("commit", "--change", "VOLUME /cache", base, IMAGE);
    } finally {
      docker("rm", "-v", base);
    }
  }

  @AfterAll
  static void removeImage() throws Exception {
    docker("image", "rm", "-f", IMAGE);
  }

  @AfterEach
  void removeContainersAndVolume() throws Exception {
    docker.close();
    docker("volume", "rm", "-f", named);
  }

  @Test
  void removingAContainerRemovesItsAnonymousVolumeAndKeepsItsNamedOne() throws Exception {
    ContainerId id = docker.createAndStart(docker.configOf(IMAGE, "anon", "sh", "-c",
        "echo cached > /cache/f; echo kept > /data/f; sleep 300")
        .addMount(new Mount.Volume(named, "/data", false)));
    await().atMost(Duration.ofSeconds(20)).until(() -> docker.runtime.exec(id,
        ExecRequest.of(List.of("cat", "/data/f"))).output().equals("kept\n"));
    String anonymous = docker("inspect", "--format",
        "{{range .Mounts}}{{if eq .Destination \"/cache\"}}{{.Name}}{{end}}{{end}}", id.value());
    assertThat(anonymous).isNotBlank();

    docker.runtime.remove(id);

    assertThat(volumes()).doesNotContain(anonymous).contains(named);
  }

  @Test
  void aCopyThroughAnImageWithAVolumeLeavesNoVolumeBehind() throws Exception {
    ContainerId writer = docker.createAndStart(docker.config("writer", "sh", "-c",
        "echo kept > /data/f").addMount(new Mount.Volume(named, "/data", false)));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !docker.runtime.inspect(writer).orElseThrow().isRunning());
    Set<String> before = volumes();

    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    docker.runtime.volumeArchive().read(new DataMount(DataMount.Kind.NAMED_VOLUME, named), IMAGE,
        tar);

    assertThat(tar.toString(StandardCharsets.ISO_8859_1)).contains("kept");
    assertThat(volumes()).isEqualTo(before);
  }

  private static Set<String> volumes() throws Exception {
    return new HashSet<>(Arrays.asList(docker("volume", "ls", "-q").split("\n")));
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "docker";
    System.arraycopy(args, 0, command, 1, args.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output.strip();
  }
}
