package dev.tugboat.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The daemon config's {@code tls}: whether the API and the dashboard speak TLS, and with which
 * certificate. Beyond loopback the console carries the token and the app's settings over a
 * network, so TLS is the default there, with a certificate the daemon makes itself unless the
 * operator gives one; plain HTTP beyond loopback takes an explicit {@code tls: off}.
 */
public sealed interface ConsoleTlsSetting {

  /** {@code auto} (the default): TLS, self-signed, unless {@code listen} is a loopback address. */
  record Auto() implements ConsoleTlsSetting {
    @Override
    public boolean enabledOn(InetSocketAddress listen) {
      return listen.getAddress() == null || !listen.getAddress().isLoopbackAddress();
    }
  }

  /** {@code off}: plain HTTP wherever it listens. */
  record Off() implements ConsoleTlsSetting {
    @Override
    public boolean enabledOn(InetSocketAddress listen) {
      return false;
    }
  }

  /** {@code on}: TLS with the daemon's own certificate, on loopback too. */
  record SelfSigned() implements ConsoleTlsSetting {
    @Override
    public boolean enabledOn(InetSocketAddress listen) {
      return true;
    }
  }

  /** {@code {cert_file, key_file}}: TLS with the operator's certificate chain and key (PEM). */
  record OperatorFiles(Path certFile, Path keyFile) implements ConsoleTlsSetting {
    @Override
    public boolean enabledOn(InetSocketAddress listen) {
      return true;
    }
  }

  /** Whether the console speaks TLS when it listens on {@code listen}. */
  boolean enabledOn(InetSocketAddress listen);
}
