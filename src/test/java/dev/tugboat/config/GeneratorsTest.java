package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsTest {

  private static final HostAddresses HOST =
      new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of("eth0", "10.0.0.5"));

  private final Generators generators = Generators.standard(new SecureRandom(), HOST,
      CertificateAuthoritySource.ephemeral(Clock.systemUTC(), new SecureRandom()));

  @Test
  void anUnknownCommandNamesTheKnownOnes() {
    assertThat(generators.knows("raw")).isFalse();
    assertThatThrownBy(() -> generators.run("raw", List.of("ls")))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("unknown command 'raw'; the commands are cert, echo, publicip, random, system_uuid");
  }

  @Test
  void echoReturnsItsArguments() throws Exception {
    assertThat(generators.run("echo", List.of("a", "b c"))).containsExactly("a", "b c");
  }

  @Test
  void publicipIsTheConfiguredPublicAddress() throws Exception {
    assertThat(generators.run("publicip", List.of())).containsExactly("203.0.113.9");
    assertThatThrownBy(() -> generators.run("publicip", List.of("x")))
        .hasMessage("publicip takes no arguments, got [x]");
  }

  @Test
  void everyKnownNameRuns() {
    assertThat(Generators.knownNames()).allMatch(generators::knows);
  }

  @Test
  void systemUuidPrefersTheFirmwareUuid(@TempDir Path dir) throws Exception {
    Path product = Files.writeString(dir.resolve("product_uuid"), "4C4C4544-0042-3510-8052-B4C04F4E4B32\n");
    Path machine = Files.writeString(dir.resolve("machine-id"), "0123456789abcdef0123456789abcdef\n");

    assertThat(new SystemUuidGenerator(product, machine).generate(List.of()))
        .containsExactly("4c4c4544-0042-3510-8052-b4c04f4e4b32");
  }

  @Test
  void systemUuidFallsBackToTheMachineId(@TempDir Path dir) throws Exception {
    Path machine = Files.writeString(dir.resolve("machine-id"), "0123456789ABCDEF0123456789abcdef\n");

    assertThat(new SystemUuidGenerator(dir.resolve("absent"), machine).generate(List.of()))
        .containsExactly("01234567-89ab-cdef-0123-456789abcdef");
  }

  @Test
  void systemUuidSaysWhatIsMissing(@TempDir Path dir) {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThatThrownBy(() -> new SystemUuidGenerator(a, b).generate(List.of()))
        .hasMessage("system_uuid: this host has no readable " + a + " or " + b
            + "; run 'systemd-machine-id-setup' to create a machine id");
    assertThatThrownBy(() -> new SystemUuidGenerator(a, b).generate(List.of("1")))
        .hasMessage("system_uuid takes no arguments, got [1]");
  }
}
