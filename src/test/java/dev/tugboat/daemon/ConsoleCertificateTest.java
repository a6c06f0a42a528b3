package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCertificateTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private final List<String> log = new ArrayList<>();

  @Test
  void theDaemonsOwnCertificateNamesTheHostIsKeptAndIsRenewedBeforeItEnds() throws Exception {
    List<String> names = List.of("appliance.example.com", "localhost", "10.0.0.5", "127.0.0.1");
    ConsoleCertificate first = keptOrNew(names);
    assertThat(first.leaf().getSubjectAlternativeNames().stream()
        .map(name -> String.valueOf(name.get(1))).toList()).containsExactly("appliance.example.com", "localhost", "10.0.0.5", "127.0.0.1");
    assertThat(first.leaf().getSubjectX500Principal().getName())
        .contains("CN=appliance.example.com");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");

    clock.advance(Duration.ofDays(ConsoleCertificate.VALID_DAYS - ConsoleCertificate.RENEW_DAYS - 1));
    assertThat(keptOrNew(names).fingerprint()).isEqualTo(first.fingerprint());
    assertThat(log).isEmpty();

    clock.advance(Duration.ofDays(2));
    ConsoleCertificate renewed = keptOrNew(names);
    assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(log).singleElement().asString().contains("making a new one");
    assertThat(ConsoleCertificate.read(dir.resolve("cert.pem"), dir.resolve("key.pem"))
        .fingerprint()).isEqualTo(renewed.fingerprint());
  }

  @Test
  void anOperatorsFilesAreReadAndWrongOnesSaySo() throws Exception {
    ConsoleCertificate made = keptOrNew(List.of("console.example.com"));
    ConsoleCertificate read = ConsoleCertificate.read(dir.resolve("cert.pem"),
        dir.resolve("key.pem"));
    assertThat(read.key()).isEqualTo(made.key());

    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> ConsoleCertificate.read(empty, dir.resolve("key.pem")))
        .isInstanceOf(IOException.class).hasMessageContaining("holds no PEM certificate");
    assertThatThrownBy(() -> ConsoleCertificate.read(dir.resolve("cert.pem"), empty))
        .isInstanceOf(IOException.class).hasMessageContaining("holds no unencrypted PEM private key");
  }

  private ConsoleCertificate keptOrNew(List<String> names) throws IOException {
    return ConsoleCertificate.keptOrNew(dir, names, clock, new SecureRandom(), log::add);
  }
}
