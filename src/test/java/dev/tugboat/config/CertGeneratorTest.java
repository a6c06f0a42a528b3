package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final SecureRandom random = new SecureRandom();

  @Test
  void returnsKeyCertificateAndCaCertificateSignedByTheCa(@TempDir Path dir) throws Exception {
    CertGenerator cert = new CertGenerator(new CertificateAuthorityStore(dir, clock, random));

    List<String> result = cert.generate(List.of("1024", "app.example.com", "10.0.0.5"));

    assertThat(result).hasSize(3);
    assertThat(result.get(0)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    X509Certificate leaf = parse(result.get(1));
    X509Certificate ca = parse(result.get(2));
    leaf.verify(ca.getPublicKey());
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=app.example.com");
    assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(leaf.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "app.example.com"), List.of(7, "10.0.0.5"));
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(leaf.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(((java.security.interfaces.RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength())
        .isEqualTo(1024);
  }

  @Test
  void defaultsTo2048BitsAndAcceptsCommaSeparatedHosts() throws Exception {
    CertGenerator cert = new CertGenerator(CertificateAuthoritySource.ephemeral(clock, random));

    List<String> result = cert.generate(List.of("2048", "a.example, b.example"));

    assertThat(parse(result.get(1)).getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "a.example"), List.of(2, "b.example"));
    X509Certificate noArgs = parse(cert.generate(List.of()).get(1));
    assertThat(noArgs.getSubjectX500Principal().getName()).isEqualTo("CN=tugboat");
    assertThat(((java.security.interfaces.RSAPublicKey) noArgs.getPublicKey()).getModulus().bitLength())
        .isEqualTo(2048);
  }

  @Test
  void theCaIsCreatedOnceAndKept(@TempDir Path dir) throws Exception {
    String first = new CertGenerator(new CertificateAuthorityStore(dir, clock, random))
        .generate(List.of("1024")).get(2);
    String second = new CertGenerator(new CertificateAuthorityStore(dir, clock, random))
        .generate(List.of("1024")).get(2);

    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(dir.resolve("ca.crt"))).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aDamagedCaFileIsReportedWithTheFix(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ca.key"), "not pem");
    Files.writeString(dir.resolve("ca.crt"), "not pem");
    CertGenerator cert = new CertGenerator(new CertificateAuthorityStore(dir, clock, random));

    assertThatThrownBy(() -> cert.generate(List.of()))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("cert: cannot load or create the local certificate authority: " + dir.resolve("ca.key")
            + " holds no PEM private key; remove it and ca.crt to create a new certificate authority");
  }

  @Test
  void refusesABadKeySize() {
    CertGenerator cert = new CertGenerator(CertificateAuthoritySource.ephemeral(clock, random));

    assertThatThrownBy(() -> cert.generate(List.of("big")))
        .hasMessage("cert: BITS must be a key size from 1024 to 8192 (e.g. \"2048\"), got 'big'");
    assertThatThrownBy(() -> cert.generate(List.of("512")))
        .hasMessage("cert: BITS must be a key size from 1024 to 8192 (e.g. \"2048\"), got '512'");
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
