package dev.tugboat.runtime.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS context handed to docker-java for a Unix socket, where TLS is never spoken.
 *
 * <p>Given no TLS config, docker-java's httpclient5 transport builds the system's default TLS
 * context anyway, which reads and parses the JDK's whole CA store: about a quarter of a second
 * of the daemon's start, on the path to its first {@code /healthz}. This context trusts nothing
 * and costs little; on a Unix socket it is never used. A TCP Docker host keeps docker-java's own
 * handling (and its TLS config when one is set).
 */
final class NoTlsOnUnixSocket {

  static final SSLConfig CONFIG = NoTlsOnUnixSocket::context;

  private NoTlsOnUnixSocket() {}

  private static SSLContext context()
      throws KeyManagementException, NoSuchAlgorithmException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[0], new TrustManager[0], null);
    return context;
  }
}
