package dev.tugboat.api;

/**
 * What every connection's handler shares: the app, its license, the token, the cached status body, the metrics,
 * the dashboard's files and the count of open connections. Immutable references to thread-safe parts.
 */
record ApiContext(AppService service, BearerAuth auth, StatusJson status, ApiMetrics metrics,
    StaticFiles files, ApiLimits limits, ConnectionLimit connections, LicenseService licenses) {

  static ApiContext of(AppService service, String token, ApiLimits limits) {
    return of(service, LicenseService.none(), token, limits);
  }

  static ApiContext of(AppService service, LicenseService licenses, String token,
      ApiLimits limits) {
    return new ApiContext(service, new BearerAuth(token), new StatusJson(service::snapshot),
        new ApiMetrics(), new StaticFiles(ApiContext.class.getClassLoader()), limits,
        new ConnectionLimit(limits.maxConnections()), licenses);
  }
}
