package dev.tugboat.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command to run inside a running container.
 *
 * @param cmd the command and its arguments (no shell unless you call one)
 * @param user user to run as; empty: the container's
 * @param timeout how long to wait for it to exit before giving up on it
 * @param maxOutputBytes output kept (stdout and stderr together); the rest is dropped and the
 *     result says so
 */
public record ExecRequest(List<String> cmd, String user, Duration timeout, int maxOutputBytes) {
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ExecRequest {
    cmd = List.copyOf(cmd);
    if (cmd.isEmpty()) {
      throw new IllegalArgumentException("an exec needs a command");
    }
    Objects.requireNonNull(user, "user");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("exec timeout must be positive, got " + timeout);
    }
    if (maxOutputBytes < 0) {
      throw new IllegalArgumentException("max output bytes must be >= 0, got " + maxOutputBytes);
    }
  }

  public static ExecRequest of(List<String> cmd) {
    return new ExecRequest(cmd, "", DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES);
  }

  public static ExecRequest of(String... cmd) {
    return of(List.of(cmd));
  }

  public ExecRequest withTimeout(Duration value) {
    return new ExecRequest(cmd, user, value, maxOutputBytes);
  }
}
