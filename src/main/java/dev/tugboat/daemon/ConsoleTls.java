package dev.tugboat.daemon;

import dev.tugboat.api.ApiTls;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Sets up the console's TLS from the daemon config: none, the daemon's own certificate (made on
 * first start in {@code <state_dir>/tls}, renewed before it ends and swapped in without a
 * restart), or the operator's files. Logs the certificate's SHA-256 fingerprint, which {@code
 * tugboat status} prints too, so an operator can check what the browser shows.
 */
final class ConsoleTls {

  private ConsoleTls() {}

  /**
   * The TLS to serve with, or empty for plain HTTP; {@code hostnames}: the names operators use.
   *
   * @throws IOException when the operator's files or the state directory cannot be read
   */
  static Optional<ApiTls> start(DaemonConfig config, Set<String> hostnames,
      dev.tugboat.config.HostAddresses host, DaemonLog log, Clock clock,
      ScheduledExecutorService timer) throws IOException {
    if (!config.tlsEnabled()) {
      if (!config.listen().getAddress().isLoopbackAddress()) {
        log.warn("the API listens on " + config.listen().getHostString() + " without TLS ('tls:"
            + " off'): the token and the app's settings cross the network in the clear");
      }
      return Optional.empty();
    }
    if (config.tls() instanceof ConsoleTlsSetting.OperatorFiles files) {
      ConsoleCertificate given = ConsoleCertificate.read(files.certFile(), files.keyFile());
      log.info("TLS with " + files.certFile() + " (SHA-256 " + given.fingerprint() + ")");
      return Optional.of(tls(given));
    }
    List<String> names = names(config, hostnames, host);
    SecureRandom random = new SecureRandom();
    java.nio.file.Path dir = config.stateDir().resolve("tls");
    ConsoleCertificate first = ConsoleCertificate.keptOrNew(dir, names, clock, random, log::info);
    log.info("TLS with the daemon's own certificate " + dir.resolve("cert.pem") + " (SHA-256 "
        + first.fingerprint() + "); check it against the one your browser shows");
    ApiTls tls = tls(first);
    timer.scheduleAtFixedRate(() -> renew(tls, dir, names, clock, random, log), 1, 1,
        TimeUnit.DAYS);
    return Optional.of(tls);
  }

  private static void renew(ApiTls tls, java.nio.file.Path dir, List<String> names, Clock clock,
      SecureRandom random, DaemonLog log) {
    try {
      ConsoleCertificate current = ConsoleCertificate.read(dir.resolve("cert.pem"),
          dir.resolve("key.pem"));
      if (current.renewalDue(clock.instant())) {
        ConsoleCertificate renewed =
            ConsoleCertificate.keptOrNew(dir, names, clock, random, log::info);
        tls.reload(renewed.key(), renewed.chain().toArray(java.security.cert.X509Certificate[]::new));
        log.info("the console's certificate was renewed (SHA-256 " + renewed.fingerprint() + ")");
      }
    } catch (IOException | RuntimeException e) {
      log.warn("cannot renew the console's certificate in " + dir + ": " + e.getMessage()
          + "; trying again in a day");
    }
  }

  /** What the certificate names: the names and addresses an operator may type. */
  static List<String> names(DaemonConfig config, Set<String> hostnames,
      dev.tugboat.config.HostAddresses host) {
    Set<String> names = new LinkedHashSet<>(hostnames);
    names.add("localhost");
    if (!config.listen().getAddress().isAnyLocalAddress()) {
      names.add(config.listen().getAddress().getHostAddress());
    }
    names.add(host.privateAddress());
    names.add(host.publicAddress());
    names.add("127.0.0.1");
    names.add("::1");
    names.removeIf(String::isBlank);
    return List.copyOf(names);
  }

  private static ApiTls tls(ConsoleCertificate certificate) throws SSLException {
    return ApiTls.of(certificate.key(),
        certificate.chain().toArray(java.security.cert.X509Certificate[]::new));
  }
}
