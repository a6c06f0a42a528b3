package dev.tugboat.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tugboat.runtime.ContainerId;
import dev.tugboat.runtime.ContainerInfo;
import dev.tugboat.runtime.ContainerSummary;
import dev.tugboat.runtime.ExecRequest;
import dev.tugboat.runtime.HostBinding;
import dev.tugboat.runtime.HostDirectory;
import dev.tugboat.runtime.HostPathAccess;
import dev.tugboat.runtime.Mount;
import dev.tugboat.runtime.PortMapping;
import dev.tugboat.runtime.Protocol;
import dev.tugboat.runtime.PublishedPort;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerNetworkAndStorageIT {
  private final DockerTestContainers docker = new DockerTestContainers();
  private final DockerRuntime runtime = docker.runtime;

  @AfterEach
  void removeContainersAndVolume() throws Exception {
    docker.close();
    new ProcessBuilder("docker", "volume", "rm", "-f", volumeName()).start().waitFor();
  }

  private String volumeName() {
    return docker.name("data");
  }

  @Test
  void aPublishedPortGetsAHostPortAndTheContainersOwnAddressReachesTheService() {
    ContainerId id = docker.createAndStart(docker.config("web", "httpd", "-f", "-p", "8080")
        .addPort(new PortMapping(8080, Protocol.TCP, Optional.of(HostBinding.onAddress("127.0.0.1", 0))))
        .addPort(PortMapping.exposed(9090, Protocol.UDP)));

    ContainerInfo info = runtime.inspect(id).orElseThrow();
    assertThat(info.networkMode()).isEqualTo("default");
    PublishedPort published = info.publishedPort(8080, Protocol.TCP).orElseThrow();
    assertThat(published.hostAddress()).isEqualTo("127.0.0.1");
    assertThat(published.hostPort()).isPositive();
    assertThat(info.publishedPorts()).hasSize(1);
    String address = info.ipAddress().orElseThrow();
    assertThat(address).matches("\\d+\\.\\d+\\.\\d+\\.\\d+").isNotEqualTo("127.0.0.1");
    await().atMost(Duration.ofSeconds(20)).until(() -> accepts(address, 8080));
    runtime.stop(id, Duration.ofSeconds(1));
  }

  @Test
  void aHostNetworkedContainerIsReachedAtTheHostsLoopback() {
    ContainerId id = docker.createAndStart(docker.config("hostnet", "sleep", "300").networkMode("host"));
    ContainerInfo info = runtime.inspect(id).orElseThrow();
    assertThat(info.networkMode()).isEqualTo("host");
    assertThat(info.ipAddress()).hasValue(ContainerInfo.HOST_NETWORK_ADDRESS);
  }

  @Test
  void aNamedVolumeOutlivesItsContainerAndABindMountShowsHostFilesReadOnly(@TempDir Path dir)
      throws IOException {
    ContainerId writer = docker.createAndStart(docker.config("writer", "sh", "-c",
        "echo kept > /data/file").addMount(new Mount.Volume(volumeName(), "/data", false)));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !runtime.inspect(writer).orElseThrow().isRunning());
    runtime.remove(writer);

    Files.writeString(dir.resolve("host.txt"), "from host");
    ContainerId reader = docker.createAndStart(docker.config("reader", "sleep", "300")
        .addMount(new Mount.Volume(volumeName(), "/data", true))
        .addMount(new Mount.Bind(dir.toAbsolutePath().toString(), "/host", true)));
    assertThat(runtime.exec(reader, ExecRequest.of("cat", "/data/file", "/host/host.txt")).output())
        .isEqualTo("kept\nfrom host");
    assertThat(runtime.exec(reader, ExecRequest.of("touch", "/host/new")).exitCode()).isNotZero();
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void aBindMountedHostPathIsMadeWithItsModeAndOwnerBeforeTheContainerStarts(@TempDir Path dir)
      throws IOException {
    Path data = dir.resolve("pgdata/main");
    ContainerId id = docker.createAndStart(docker.config("owned", "sleep", "300")
        .addMount(new Mount.Bind(data.toString(), "/data", false,
            HostPathAccess.parse("0750", "999:998"))));

    assertThat(Files.getAttribute(data, "unix:mode")).isEqualTo(040750);
    assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(999);
    assertThat(Files.getAttribute(data, "unix:gid")).isEqualTo(998);
    assertThat(runtime.exec(id, ExecRequest.of("stat", "-c", "%u:%g %a", "/data")).output())
        .isEqualTo("999:998 750\n");
  }

  /**
   * A component's host volume is made before the container is created, mounted or not, and the
   * container's own volume of the same path gives it its access after.
   */
  @Test
  void aHostVolumeIsMadeWithItsModeAndOwnerWhetherOrNotTheContainerMountsIt(@TempDir Path dir)
      throws IOException {
    Path unmounted = dir.resolve("shared/exports");
    Path mounted = dir.resolve("db");
    Files.createDirectories(dir.resolve("disk"));
    Path linked = Files.createSymbolicLink(dir.resolve("media"), dir.resolve("disk"));
    runtime.create(docker.config("hostvolumes", "sleep", "300")
        .addHostDirectory(new HostDirectory(unmounted.toString(),
            HostPathAccess.parse("0770", "999:998")))
        .addHostDirectory(new HostDirectory(mounted.toString(), HostPathAccess.parse("0700", "")))
        .addHostDirectory(new HostDirectory(linked.toString(), HostPathAccess.NONE))
        .addMount(new Mount.Bind(mounted.toString(), "/db", false,
            HostPathAccess.parse("0750", "")))
        .build());

    assertThat(Files.getAttribute(unmounted, "unix:mode")).isEqualTo(040770);
    assertThat(Files.getAttribute(unmounted, "unix:uid")).isEqualTo(999);
    assertThat(Files.getAttribute(unmounted, "unix:gid")).isEqualTo(998);
    assertThat(Files.getAttribute(mounted, "unix:mode")).isEqualTo(040750);
    assertThat(Files.isSymbolicLink(linked)).isTrue();
    assertThatThrownBy(() -> runtime.create(docker.config("linked", "true")
        .addHostDirectory(new HostDirectory(linked.toString(), HostPathAccess.parse("0700", "")))
        .build()))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("host volume " + linked + " of ")
        .hasMessageContaining("is a symbolic link");
  }

  @Test
  void anOwnerNamedButUnknownOnTheHostFailsTheCreateNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> runtime.create(docker.config("unowned", "true")
        .addMount(new Mount.Bind(dir.resolve("x").toString(), "/data", false,
            HostPathAccess.parse("", "no-such-user-here"))).build()))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageEndingWith(": no user or group \"no-such-user-here\" on this host; give the"
            + " owner as a number (e.g. 999:999)");
  }

  @Test
  void listByLabelsFindsRunningAndStoppedContainersOfTheRunOnly() {
    ContainerId running = docker.createAndStart(docker.config("a", "sleep", "300"));
    ContainerId created = runtime.create(docker.config("b", "true").label("role", "db").build());

    assertThat(runtime.listByLabels(docker.runLabels())).extracting(ContainerSummary::id)
        .containsExactlyInAnyOrder(running, created);
    assertThat(runtime.listByLabels(java.util.Map.of("dev.tugboat.run", docker.run, "role", "db")))
        .singleElement().satisfies(c -> {
          assertThat(c.id()).isEqualTo(created);
          assertThat(c.name()).isEqualTo(docker.name("b"));
          assertThat(c.image()).isEqualTo(DockerTestContainers.IMAGE);
          assertThat(c.labels()).containsEntry("role", "db");
        });
  }

  @Test
  void configFieldsReachTheContainer() {
    ContainerId id = docker.createAndStart(docker.config("fields", "sleep", "300")
        .env("GREETING", "hello world").hostname("tugboathost").user("65534:65534")
        .extraHosts(java.util.List.of("db.internal:10.1.2.3")).memoryBytes(64L << 20));
    assertThat(runtime.exec(id, ExecRequest.of("sh", "-c",
        "echo $GREETING; hostname; id -u; grep db.internal /etc/hosts")).output())
        .isEqualTo("hello world\ntugboathost\n65534\n10.1.2.3\tdb.internal\n");
  }

  private static boolean accepts(String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }
}
