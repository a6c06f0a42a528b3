package dev.tugboat.daemon;

import dev.tugboat.orchestrator.ImageRegistries;
import dev.tugboat.orchestrator.Run;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's own config ({@code /etc/tugboat/tugboat.yml}); {@code config/tugboat.yml} documents
 * every key and its default.
 */
public record DaemonConfig(
    InetSocketAddress listen,
    Path stateDir,
    Optional<Path> app,
    Optional<String> dockerHost,
    ImageRegistries registries,
    Optional<String> privateAddress,
    Optional<String> publicAddress,
    LogFormat logFormat,
    int integrationPort,
    Set<String> apiHostnames,
    ConsoleTlsSetting tls,
    Duration resyncPeriod,
    long bundleMaxBytes,
    int snapshotsKept) {

  public static final String DEFAULT_FILE = "/etc/tugboat/tugboat.yml";
  public static final String DEFAULT_LISTEN = "127.0.0.1:8800";
  public static final String DEFAULT_STATE_DIR = "/var/lib/tugboat";
  public static final int DEFAULT_INTEGRATION_PORT = 9880;
  /** {@code resync_seconds} may be at most an hour: a removed container is found that late. */
  public static final int MAX_RESYNC_SECONDS = 3600;
  /** {@code snapshots_kept}: the snapshots of the app's data kept; the oldest go first. */
  public static final int DEFAULT_SNAPSHOTS_KEPT = 3;

  /** {@code bundle_max_mb}: an uploaded bundle of more MiB than this is refused (413). */
  public static final long DEFAULT_BUNDLE_MAX_MB = 20 * 1024;

  public DaemonConfig {
    java.util.Objects.requireNonNull(registries, "registries");
    apiHostnames = Set.copyOf(apiHostnames);
    java.util.Objects.requireNonNull(tls, "tls");
    java.util.Objects.requireNonNull(resyncPeriod, "resyncPeriod");
    if (snapshotsKept < 1) {
      throw new IllegalArgumentException("snapshotsKept must be at least 1, got " + snapshotsKept);
    }
  }

  /** As the config reads it, without a {@code snapshots_kept} key. */
  public DaemonConfig(InetSocketAddress listen, Path stateDir, Optional<Path> app,
      Optional<String> dockerHost, ImageRegistries registries,
      Optional<String> privateAddress, Optional<String> publicAddress, LogFormat logFormat,
      int integrationPort, Set<String> apiHostnames, ConsoleTlsSetting tls,
      Duration resyncPeriod, long bundleMaxBytes) {
    this(listen, stateDir, app, dockerHost, registries, privateAddress, publicAddress, logFormat,
        integrationPort, apiHostnames, tls, resyncPeriod, bundleMaxBytes, DEFAULT_SNAPSHOTS_KEPT);
  }

  /** As the config reads it, without a {@code bundle_max_mb} or {@code snapshots_kept} key. */
  public DaemonConfig(InetSocketAddress listen, Path stateDir, Optional<Path> app,
      Optional<String> dockerHost, ImageRegistries registries,
      Optional<String> privateAddress, Optional<String> publicAddress, LogFormat logFormat,
      int integrationPort, Set<String> apiHostnames, ConsoleTlsSetting tls,
      Duration resyncPeriod) {
    this(listen, stateDir, app, dockerHost, registries, privateAddress, publicAddress, logFormat,
        integrationPort, apiHostnames, tls, resyncPeriod, DEFAULT_BUNDLE_MAX_MB * 1024 * 1024);
  }

  /** As the config reads it, without a {@code resync_seconds} key. */
  public DaemonConfig(InetSocketAddress listen, Path stateDir, Optional<Path> app,
      Optional<String> dockerHost, ImageRegistries registries,
      Optional<String> privateAddress, Optional<String> publicAddress, LogFormat logFormat,
      int integrationPort, Set<String> apiHostnames, ConsoleTlsSetting tls) {
    this(listen, stateDir, app, dockerHost, registries, privateAddress, publicAddress, logFormat,
        integrationPort, apiHostnames, tls, Run.DEFAULT_RESYNC_PERIOD);
  }

  /** As the config reads it, without a {@code tls} key. */
  public DaemonConfig(InetSocketAddress listen, Path stateDir, Optional<Path> app,
      Optional<String> dockerHost, ImageRegistries registries,
      Optional<String> privateAddress, Optional<String> publicAddress, LogFormat logFormat,
      int integrationPort, Set<String> apiHostnames) {
    this(listen, stateDir, app, dockerHost, registries, privateAddress, publicAddress, logFormat,
        integrationPort, apiHostnames, new ConsoleTlsSetting.Auto());
  }

  /** A config that names no host names for the console beyond the defaults. */
  public DaemonConfig(InetSocketAddress listen, Path stateDir, Optional<Path> app,
      Optional<String> dockerHost, ImageRegistries registries,
      Optional<String> privateAddress, Optional<String> publicAddress, LogFormat logFormat,
      int integrationPort) {
    this(listen, stateDir, app, dockerHost, registries, privateAddress, publicAddress, logFormat,
        integrationPort, Set.of());
  }

  /** How the daemon writes its log lines. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  /** Where the snapshots of the app's data are kept. */
  public Path snapshotsDir() {
    return stateDir.resolve("snapshots");
  }

  /** The API token's file. */
  public Path tokenFile() {
    return stateDir.resolve("token");
  }

  /** Where the operator's config values are kept. */
  public Path settingsFile() {
    return stateDir.resolve("settings.json");
  }

  /** Whether the API and the dashboard speak TLS. */
  public boolean tlsEnabled() {
    return tls.enabledOn(listen);
  }

  /** The certificate the console serves: the operator's, or the one the daemon made itself. */
  public Path consoleCertificate() {
    return tls instanceof ConsoleTlsSetting.OperatorFiles files ? files.certFile()
        : stateDir.resolve("tls").resolve("cert.pem");
  }

  /** The URL clients use: a wildcard listen address is reached through loopback. */
  public String baseUrl() {
    String host = listen.getHostString();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = "127.0.0.1";
    }
    return (tlsEnabled() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host)
        + ":" + listen.getPort();
  }
}
