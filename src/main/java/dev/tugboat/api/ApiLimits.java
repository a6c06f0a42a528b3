package dev.tugboat.api;

import java.time.Duration;

/**
 * Limits that keep one client from hurting the others: body and header sizes, how long an idle
 * connection stays open, and the longest long poll.
 */
public record ApiLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout,
    Duration maxWait) {

  public static ApiLimits defaults() {
    return new ApiLimits(1024 * 1024, 16 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(55));
  }
}
