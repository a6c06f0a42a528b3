package dev.tugboat.runtime;

/** What the engine does when the container's process exits. */
public sealed interface RestartPolicy {
  /** Never restart (the default). */
  record Never() implements RestartPolicy {}

  /** Always restart, also after the engine restarts. */
  record Always() implements RestartPolicy {}

  /** Restart after a non-zero exit, at most {@code maxRetries} times; 0: without limit. */
  record OnFailure(int maxRetries) implements RestartPolicy {
    public OnFailure {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("on-failure max retries must be >= 0, got " + maxRetries);
      }
    }
  }

  static RestartPolicy never() {
    return new Never();
  }
}
