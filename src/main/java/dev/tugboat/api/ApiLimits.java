package dev.tugboat.api;

import java.time.Duration;

/**
 * Limits that keep one client from hurting the others: body and header sizes, how long an idle
 * connection stays open, how long a request head may take to arrive, the longest long poll, and
 * how many connections a listener keeps open, in all and from one address (a dashboard holds one
 * or two; the caps are far below the daemon's file descriptors, which it also needs for Docker and
 * its journal, and one address cannot take every slot from the others).
 */
public record ApiLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout,
    Duration maxWait, int maxConnections, int maxConnectionsPerPeer, Duration headDeadline,
    long maxBundleBytes) {

  /**
   * An uploaded bundle carries an app's images: gigabytes. It is streamed to disk, never held,
   * so its limit is the disk's, far above every other body's.
   */
  public static final long DEFAULT_BUNDLE_BYTES = 20L * 1024 * 1024 * 1024;

  public ApiLimits {
    if (maxBundleBytes < 1) {
      throw new IllegalArgumentException("the bundle limit must be positive: " + maxBundleBytes);
    }
    if (maxConnectionsPerPeer < 1 || maxConnectionsPerPeer > maxConnections) {
      throw new IllegalArgumentException("connections per peer must be from 1 to "
          + maxConnections + ": " + maxConnectionsPerPeer);
    }
  }

  /** Bundles of up to {@link #DEFAULT_BUNDLE_BYTES}. */
  public ApiLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout, Duration maxWait,
      int maxConnections, int maxConnectionsPerPeer, Duration headDeadline) {
    this(maxBodyBytes, maxHeaderBytes, idleTimeout, maxWait, maxConnections,
        maxConnectionsPerPeer, headDeadline, DEFAULT_BUNDLE_BYTES);
  }

  /** These limits with uploaded bundles of up to {@code bytes} (the daemon config's). */
  public ApiLimits withMaxBundleBytes(long bytes) {
    return new ApiLimits(maxBodyBytes, maxHeaderBytes, idleTimeout, maxWait, maxConnections,
        maxConnectionsPerPeer, headDeadline, bytes);
  }

  /** Every connection may come from one peer; request heads have 10 s. */
  public ApiLimits(int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout, Duration maxWait,
      int maxConnections) {
    this(maxBodyBytes, maxHeaderBytes, idleTimeout, maxWait, maxConnections, maxConnections,
        Duration.ofSeconds(10));
  }

  /**
   * The Integration API's: its callers are the app's containers, which make a call now and then;
   * 16 connections from one of them is already a fault, and bodies are small.
   */
  public static ApiLimits integration() {
    return new ApiLimits(64 * 1024, 16 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(30),
        256, 16, Duration.ofSeconds(10));
  }

  public static ApiLimits defaults() {
    return new ApiLimits(1024 * 1024, 16 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(55),
        1000, 256, Duration.ofSeconds(10));
  }
}
