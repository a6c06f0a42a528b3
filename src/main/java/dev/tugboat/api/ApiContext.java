package dev.tugboat.api;

/**
 * What every connection's handler shares: the app, the token, the cached status body, the metrics,
 * the dashboard's files and the count of open connections. Immutable references to thread-safe parts.
 */
record ApiContext(AppService service, BearerAuth auth, StatusJson status, ApiMetrics metrics,
    StaticFiles files, ApiLimits limits, ConnectionLimit connections) {

  static ApiContext of(AppService service, String token, ApiLimits limits) {
    return new ApiContext(service, new BearerAuth(token), new StatusJson(service::snapshot, service::lastPreflight),
        new ApiMetrics(), new StaticFiles(ApiContext.class.getClassLoader()), limits,
        new ConnectionLimit(limits.maxConnections()));
  }
}
