package dev.tugboat.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local certificate authority: its key and self-signed certificate, and the issuing of server
 * certificates for the {@code cert} command. Signing uses the JDK's own providers (Bouncy Castle only
 * builds the X.509 structures and writes PEM), so no security provider is registered.
 */
public final class CertificateAuthority {

  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration CERT_VALIDITY = Duration.ofDays(3650);
  private static final String SIGNATURE = "SHA256withRSA";
  private static final int CA_BITS = 2048;

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Clock clock;
  private final SecureRandom random;

  CertificateAuthority(PrivateKey key, X509Certificate certificate, Clock clock, SecureRandom random) {
    this.key = key;
    this.certificate = certificate;
    this.clock = clock;
    this.random = random;
  }

  /** A new CA with a fresh 2048-bit RSA key, valid for ten years from now. */
  public static CertificateAuthority create(String commonName, Clock clock, SecureRandom random) {
    KeyPair pair = rsaKeyPair(CA_BITS, random);
    X500Name subject = new X500Name("CN=" + commonName);
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_VALIDITY)), subject,
          pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
          .addExtension(Extension.subjectKeyIdentifier, false,
              ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new CertificateAuthority(pair.getPrivate(), sign(builder, pair.getPrivate()), clock, random);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a certificate authority: " + e.getMessage(), e);
    }
  }

  /** The CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey key() {
    return key;
  }

  /**
   * A new RSA key of {@code bits} bits and a server certificate for {@code hosts} (DNS names or IP
   * addresses; the first is the common name) signed by this CA.
   */
  public Issued issue(int bits, List<String> hosts) {
    KeyPair pair = rsaKeyPair(bits, random);
    String commonName = hosts.isEmpty() ? "tugboat" : hosts.get(0);
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CERT_VALIDITY)),
          new X500Name("CN=" + commonName), pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.authorityKeyIdentifier, false,
              ext.createAuthorityKeyIdentifier(certificate));
      if (!hosts.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hosts));
      }
      return new Issued(pem(pair.getPrivate()), pem(sign(builder, key)), pem(certificate));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate for " + hosts + ": " + e.getMessage(), e);
    }
  }

  /** A private key, its certificate and the CA's certificate, each PEM. */
  public record Issued(String privateKeyPem, String certificatePem, String caCertificatePem) {
    public List<String> asList() {
      return List.of(privateKeyPem, certificatePem, caCertificatePem);
    }
  }

  private static GeneralNames subjectAltNames(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      boolean ip = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
      names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  static KeyPair rsaKeyPair(int bits, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make RSA keys: " + e.getMessage(), e);
    }
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE);
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
