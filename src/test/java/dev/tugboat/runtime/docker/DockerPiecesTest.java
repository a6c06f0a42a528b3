package dev.tugboat.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Network;
import dev.tugboat.runtime.FileToCopy;
import dev.tugboat.runtime.LogLine;
import dev.tugboat.runtime.RuntimeFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The small helpers of the Docker runtime. */
class DockerPiecesTest {
  @Test
  void anExplicitHostWinsOverDockerHostWhichWinsOverTheLocalSocket() {
    Map<String, String> env = Map.of("DOCKER_HOST", "tcp://10.0.0.2:2375");
    assertThat(DockerHost.resolve(Optional.of("unix:///run/other.sock"), env).uri())
        .isEqualTo("unix:///run/other.sock");
    assertThat(DockerHost.resolve(Optional.empty(), env).uri()).isEqualTo("tcp://10.0.0.2:2375");
    assertThat(DockerHost.resolve(Optional.empty(), Map.of()).uri())
        .isEqualTo("unix:///var/run/docker.sock");
    assertThat(DockerHost.resolve(Optional.of(" "), Map.of("DOCKER_HOST", "")).uri())
        .isEqualTo("unix:///var/run/docker.sock");
  }

  @Test
  void framesBecomeLinesPerStreamWhateverTheirBoundaries() {
    List<LogLine> lines = new ArrayList<>();
    LineAssembler assembler = new LineAssembler(lines::add);
    assembler.accept(LogLine.Source.STDOUT, "one\ntw".getBytes(UTF_8));
    assembler.accept(LogLine.Source.STDERR, "oops\r\n".getBytes(UTF_8));
    assembler.accept(LogLine.Source.STDOUT, "o\nthree".getBytes(UTF_8));
    assembler.flush();
    assertThat(lines).containsExactly(LogLine.stdout("one"), LogLine.stderr("oops"),
        LogLine.stdout("two"), LogLine.stdout("three"));
  }

  @Test
  void boundedOutputKeepsTheStartAndSaysItCut() {
    BoundedOutput output = new BoundedOutput(5);
    output.write("abc".getBytes(UTF_8));
    output.write("defg".getBytes(UTF_8));
    output.write("h".getBytes(UTF_8));
    assertThat(output.text()).isEqualTo("abcde");
    assertThat(output.truncated()).isTrue();
  }

  @Test
  void theTarHoldsOnlyTheFilesWithModeAndNumericOwner() throws IOException {
    byte[] tar = TarArchive.of(List.of(
        new FileToCopy("/etc/app/app.conf", "x=1".getBytes(UTF_8), 0640, "999:998"),
        FileToCopy.of("/run.sh", "#!/bin/sh".getBytes(UTF_8), 0755)));
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry conf = in.getNextEntry();
      assertThat(conf.getName()).isEqualTo("etc/app/app.conf");
      assertThat(conf.getMode() & 07777).isEqualTo(0640);
      assertThat(conf.isFile()).isTrue();
      assertThat(conf.getLongUserId()).isEqualTo(999);
      assertThat(conf.getLongGroupId()).isEqualTo(998);
      assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("x=1");
      TarArchiveEntry script = in.getNextEntry();
      assertThat(script.getName()).isEqualTo("run.sh");
      assertThat(script.getMode() & 07777).isEqualTo(0755);
      assertThat(script.getLongUserId()).isZero();
      assertThat(in.getNextEntry()).isNull();
    }
  }

  @Test
  void theBridgeGatewayIsDeclaredOrTheBridgeInterfacesOrTheSubnetsFirstAddress() {
    List<Network.Ipam.Config> subnetOnly = List.of(new Network.Ipam.Config().withSubnet("172.17.0.0/16"));
    Map<String, String> options = Map.of("com.docker.network.bridge.name", "docker0");
    assertThat(BridgeGateway.of(subnetOnly, options, name -> Optional.of("172.18.0.1")))
        .hasValue("172.18.0.1");
    assertThat(BridgeGateway.of(subnetOnly, options, name -> Optional.empty())).hasValue("172.17.0.1");
    List<Network.Ipam.Config> declared = List.of(
        new Network.Ipam.Config().withSubnet("10.9.0.0/24").withGateway("10.9.0.254"));
    assertThat(BridgeGateway.of(declared, Map.of(), name -> Optional.empty())).hasValue("10.9.0.254");
    assertThat(BridgeGateway.firstHost("192.168.0.0/24")).isEqualTo("192.168.0.1");
  }

  @Test
  void aPullWithoutTagAsksForLatest() {
    assertThat(DockerImages.hasTagOrDigest("postgres")).isFalse();
    assertThat(DockerImages.hasTagOrDigest("registry:5000/team/app")).isFalse();
    assertThat(DockerImages.hasTagOrDigest("registry:5000/team/app:2")).isTrue();
    assertThat(DockerImages.hasTagOrDigest("app@sha256:abc")).isTrue();
  }

  @Test
  void aRefusedLoginIsToldFromAnUnreachableOrEmptyRegistry() {
    // The engine's words for each, as Docker 20.10 answers a pull from a Distribution registry.
    assertThat(DockerImages.pullFailure("localhost:5000/vendor/app:1",
        "unauthorized: authentication required").kind())
        .isEqualTo(RuntimeFailure.Kind.REGISTRY_DENIED);
    assertThat(DockerImages.pullFailure("localhost:5000/vendor/app:1",
        "Get \"https://localhost:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused"))
        .hasMessage("Docker could not pull localhost:5000/vendor/app:1: Get"
            + " \"https://localhost:1/v2/\": dial tcp 127.0.0.1:1: connect: connection refused")
        .extracting(f -> ((RuntimeFailure) f).kind()).isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND);
    assertThat(DockerImages.pullFailure("localhost:5000/vendor/nope:1", "manifest for"
        + " localhost:5000/vendor/nope:1 not found: manifest unknown: manifest unknown").kind())
        .isEqualTo(RuntimeFailure.Kind.IMAGE_NOT_FOUND);
  }
}
