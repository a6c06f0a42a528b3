package dev.tugboat.api;

/**
 * What every connection's handler shares: the app, its license, the swarm's nodes, the token, the names it answers
 * to, the cached status body, the metrics, the dashboard's files and the count of open
 * connections. Immutable references to thread-safe parts.
 */
record ApiContext(AppService service, LicenseService licenses, NodesService nodes, BearerAuth auth,
    AllowedHosts hosts,
    StatusJson status, ApiMetrics metrics, StaticFiles files, ApiLimits limits,
    ConnectionLimit connections, java.util.Optional<ApiTls> tls) {

  static ApiContext of(AppService service, String token, ApiLimits limits) {
    return of(service, LicenseService.none(), token, AllowedHosts.of(), limits);
  }

  static ApiContext of(AppService service, LicenseService licenses, String token,
      AllowedHosts hosts, ApiLimits limits) {
    return of(service, licenses, token, hosts, limits, java.util.Optional.empty());
  }

  /** {@code tls}: the console speaks TLS only, with this key and certificate. */
  static ApiContext of(AppService service, LicenseService licenses, String token,
      AllowedHosts hosts, ApiLimits limits, java.util.Optional<ApiTls> tls) {
    return of(service, licenses, NodesService.none(), token, hosts, limits, tls);
  }

  /** As above, with the swarm's nodes. */
  static ApiContext of(AppService service, LicenseService licenses, NodesService nodes,
      String token, AllowedHosts hosts, ApiLimits limits, java.util.Optional<ApiTls> tls) {
    return new ApiContext(service, licenses, nodes, new BearerAuth(token), hosts,
        new StatusJson(service::snapshot, service::lastPreflight, service::masker,
            service::engineStatus),
        new ApiMetrics(),
        new StaticFiles(ApiContext.class.getClassLoader()), limits,
        new ConnectionLimit(limits.maxConnections(), limits.maxConnectionsPerPeer()), tls);
  }
}
