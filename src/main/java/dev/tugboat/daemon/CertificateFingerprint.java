package dev.tugboat.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;

/** A certificate's SHA-256 fingerprint as browsers show it: {@code AB:CD:...}. */
public final class CertificateFingerprint {

  private CertificateFingerprint() {}

  public static String of(Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 of a certificate: " + e, e);
    }
  }

  /** Of the first certificate of the PEM file {@code file}. */
  public static String ofFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(CertificateFactory.getInstance("X.509").generateCertificate(in));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " holds no certificate: " + e.getMessage(), e);
    }
  }
}
