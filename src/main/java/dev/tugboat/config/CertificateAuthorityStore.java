package dev.tugboat.config;

import dev.tugboat.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Keeps the local CA in a directory ({@code ca.key}, mode 0600, and {@code ca.crt}) so every {@code
 * cert} command of an installation is signed by the same authority, as Replicated's is. The CA is
 * created the first time it is needed.
 */
public final class CertificateAuthorityStore implements CertificateAuthoritySource {

  static final String KEY_FILE = "ca.key";
  static final String CERT_FILE = "ca.crt";
  static final String COMMON_NAME = "Tugboat local CA";

  private final Path directory;
  private final Clock clock;
  private final SecureRandom random;

  public CertificateAuthorityStore(Path directory, Clock clock, SecureRandom random) {
    this.directory = directory;
    this.clock = clock;
    this.random = random;
  }

  /** The CA kept in the directory, created and saved there if there is none yet. */
  @Override
  public CertificateAuthority authority() throws IOException {
    Path keyFile = directory.resolve(KEY_FILE);
    Path certFile = directory.resolve(CERT_FILE);
    if (Files.exists(keyFile) && Files.exists(certFile)) {
      return load(keyFile, certFile);
    }
    CertificateAuthority ca = CertificateAuthority.create(COMMON_NAME, clock, random);
    Files.createDirectories(directory);
    AtomicFiles.writePrivate(certFile, CertificateAuthority.pem(ca.certificate()));
    AtomicFiles.writePrivate(keyFile, CertificateAuthority.pem(ca.key()));
    return ca;
  }

  private CertificateAuthority load(Path keyFile, Path certFile) throws IOException {
    PrivateKey key = readKey(keyFile);
    X509Certificate certificate = readCertificate(certFile);
    return new CertificateAuthority(key, certificate, clock, random);
  }

  private static PrivateKey readKey(Path file) throws IOException {
    Object object = readPem(file);
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (object instanceof PEMKeyPair pair) {
      return converter.getPrivateKey(pair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo info) {
      return converter.getPrivateKey(info);
    }
    throw new IOException(file + " holds no PEM private key; remove it and " + CERT_FILE
        + " to create a new certificate authority");
  }

  private static X509Certificate readCertificate(Path file) throws IOException {
    if (readPem(file) instanceof X509CertificateHolder holder) {
      try {
        return new JcaX509CertificateConverter().getCertificate(holder);
      } catch (CertificateException e) {
        throw new IOException(file + " holds an unreadable certificate: " + e.getMessage(), e);
      }
    }
    throw new IOException(file + " holds no PEM certificate; remove it and " + KEY_FILE
        + " to create a new certificate authority");
  }

  private static Object readPem(Path file) throws IOException {
    try (Reader reader = new StringReader(Files.readString(file));
        PEMParser parser = new PEMParser(reader)) {
      return parser.readObject();
    }
  }
}
