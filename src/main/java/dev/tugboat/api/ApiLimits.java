package dev.tugboat.api;

import java.time.Duration;

/**
 * Limits that keep one client from hurting the others: body and header sizes, how long an idle
 * connection stays open, the longest long poll, and how many connections a listener keeps open
 * (a dashboard holds one or two; the cap is far below the daemon's file descriptors, which it
 * also needs for Docker and its journal).
 */
public record ApiLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout,
    Duration maxWait, int maxConnections) {

  public static ApiLimits defaults() {
    return new ApiLimits(1024 * 1024, 16 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(55),
        1000);
  }
}
