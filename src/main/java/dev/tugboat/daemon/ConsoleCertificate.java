package dev.tugboat.daemon;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The console's key and certificate chain: read from PEM files, or made by the daemon itself (a
 * self-signed P-256 certificate for the host's names and addresses, valid {@value #VALID_DAYS}
 * days and made anew {@value #RENEW_DAYS} days before it ends). Operators compare its SHA-256
 * {@link #fingerprint()} with what the browser shows the first time.
 */
record ConsoleCertificate(PrivateKey key, List<X509Certificate> chain) {

  static final int VALID_DAYS = 397;
  static final int RENEW_DAYS = 30;

  ConsoleCertificate {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs the server's certificate");
    }
  }

  X509Certificate leaf() {
    return chain.get(0);
  }

  /** SHA-256 of the leaf certificate, as browsers show it: {@code AB:CD:...}. */
  String fingerprint() {
    return CertificateFingerprint.of(leaf());
  }

  /** Whether it ends within {@value #RENEW_DAYS} days of {@code now}. */
  boolean renewalDue(Instant now) {
    return leaf().getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(RENEW_DAYS)));
  }

  /** A new self-signed certificate for {@code hosts} (names and IP addresses; the first is its CN). */
  static ConsoleCertificate selfSigned(List<String> hosts, Clock clock, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + (hosts.isEmpty() ? "tugboat" : hosts.get(0))
          + ",O=Tugboat console (self-signed)");
      Instant now = clock.instant();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(VALID_DAYS))), subject, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, names(hosts));
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      return new ConsoleCertificate(pair.getPrivate(),
          List.of(new JcaX509CertificateConverter().getCertificate(holder)));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the console's certificate: " + e, e);
    }
  }

  /** Reads a PEM chain (server certificate first) and a PEM key (PKCS#8 or the older forms). */
  static ConsoleCertificate read(Path certFile, Path keyFile) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(certFile)))) {
      for (Object object; (object = parser.readObject()) != null; ) {
        if (object instanceof X509CertificateHolder holder) {
          chain.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(certFile + " holds a certificate this JDK cannot read: " + e, e);
    }
    if (chain.isEmpty()) {
      throw new IOException(certFile + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    PrivateKey key;
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(keyFile)))) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        key = converter.getKeyPair(pair).getPrivate();
      } else if (object instanceof PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else {
        throw new IOException(keyFile + " holds no unencrypted PEM private key");
      }
    }
    return new ConsoleCertificate(key, chain);
  }

  /** Writes the key and the chain, each 0600. */
  void write(Path certFile, Path keyFile) throws IOException {
    AtomicFiles.writePrivate(keyFile, pem(List.of(key)));
    AtomicFiles.writePrivate(certFile, pem(new ArrayList<>(chain)));
  }

  /** The kept certificate in {@code dir}, or a new one when missing, unreadable or due. */
  static ConsoleCertificate keptOrNew(Path dir, List<String> hosts, Clock clock,
      SecureRandom random, java.util.function.Consumer<String> log) throws IOException {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    try {
      ConsoleCertificate kept = read(cert, key);
      if (!kept.renewalDue(clock.instant())) {
        return kept;
      }
      log.accept("the console's certificate ends " + kept.leaf().getNotAfter().toInstant()
          + ": making a new one");
    } catch (NoSuchFileException first) {
      // made below
    } catch (IOException damaged) {
      log.accept("the console's certificate in " + dir + " cannot be read (" + damaged.getMessage()
          + "): making a new one");
    }
    ConsoleCertificate made = selfSigned(hosts, clock, random);
    made.write(cert, key);
    return made;
  }

  private static GeneralNames names(List<String> hosts) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      boolean ip = com.google.common.net.InetAddresses.isInetAddress(host);
      names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName,
          host.toLowerCase(Locale.ROOT)));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static String pem(List<Object> objects) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object instanceof PrivateKey privateKey
            ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(privateKey, null) : object);
      }
    }
    return out.toString();
  }
}
