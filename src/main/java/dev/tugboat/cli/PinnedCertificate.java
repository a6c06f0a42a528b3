package dev.tugboat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the CLI trusts the daemon's console over TLS: exactly the certificate the daemon serves,
 * read from the same host's files (its own in the state directory, or the operator's
 * {@code cert_file}). A pinned certificate needs no CA and no name check: the CLI reaches the
 * daemon at 127.0.0.1 whatever names the certificate carries.
 */
final class PinnedCertificate extends X509ExtendedTrustManager {

  private final X509Certificate pinned;

  private PinnedCertificate(X509Certificate pinned) {
    this.pinned = pinned;
  }

  /** An SSL context that trusts the first certificate of the PEM file {@code file} only. */
  static SSLContext context(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(in);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new PinnedCertificate(leaf)}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " holds no certificate the CLI can read: " + e.getMessage(), e);
    }
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0
        || !Arrays.equals(chain[0].getEncoded(), pinned.getEncoded())) {
      throw new CertificateException("the daemon's certificate is not the one in its files"
          + " (another server answers at its address, or the certificate was replaced and the"
          + " daemon not restarted)");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the CLI authenticates no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the CLI authenticates no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the CLI authenticates no clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
