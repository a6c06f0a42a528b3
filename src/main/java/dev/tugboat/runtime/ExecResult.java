package dev.tugboat.runtime;

import java.util.Objects;

/**
 * How an exec ended.
 *
 * @param exitCode the command's exit code
 * @param output stdout and stderr as they interleaved, decoded as UTF-8, cut at the request's limit
 * @param truncated output was longer than the limit
 */
public record ExecResult(int exitCode, String output, boolean truncated) {
  public ExecResult {
    Objects.requireNonNull(output, "output");
  }

  public static ExecResult of(int exitCode, String output) {
    return new ExecResult(exitCode, output, false);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
