package dev.tugboat.runtime.docker;

import java.time.Duration;

/**
 * How long each kind of Docker call may go unanswered before it fails as {@code
 * ENGINE_UNREACHABLE}: the one place that says so. A paused, wedged or overloaded engine accepts
 * the connection and never answers; without a deadline the caller's thread waits forever.
 *
 * @param call a question or a short command: ping, inspect, list, create, start, exec create and
 *     inspect, copy files, image inspect, version; also the wait for a container's last log lines
 * @param removal a forced removal: it kills the container and deletes its writable layer, which
 *     on a busy disk takes longer than a question
 * @param pullIdle a pull whose progress stream, or an image save or load whose bytes, have said
 *     nothing for this long (a transfer of a large image may take many minutes while bytes flow;
 *     only silence counts)
 * @param maxWaitingCalls calls that may wait for an answer at once; past that a call fails at
 *     once instead of taking yet another thread on an engine that does not answer
 */
record DockerDeadlines(Duration call, Duration removal, Duration pullIdle, int maxWaitingCalls) {

  static final DockerDeadlines DEFAULT = new DockerDeadlines(
      Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(2), 64);

  DockerDeadlines {
    if (call.isNegative() || call.isZero() || removal.compareTo(call) < 0
        || pullIdle.isNegative() || pullIdle.isZero() || maxWaitingCalls < 1) {
      throw new IllegalArgumentException("deadlines must be positive (removal at least call): "
          + call + ", " + removal + ", " + pullIdle + ", " + maxWaitingCalls);
    }
  }

  /**
   * Stopping waits up to {@code grace} for the process to end before the engine kills it: the
   * deadline is the grace period plus a question's.
   */
  Duration stop(Duration grace) {
    return call.plus(grace);
  }

  /**
   * A copy of a volume's data takes as long as its size needs: like a pull, only a stream that
   * moved nothing for this long ends it.
   */
  Duration copyIdle() {
    return pullIdle;
  }
}
