package dev.tugboat.orchestrator;

/**
 * What happens when a non-ephemeral instance exits: {@code never} (the default), {@code always}, or
 * {@code on-failure} (exit code not 0) at most {@code max} times (0: no limit).
 */
public record RestartPolicy(Kind kind, int max) {

  public enum Kind {
    NEVER,
    ALWAYS,
    ON_FAILURE
  }

  public static final RestartPolicy NEVER = new RestartPolicy(Kind.NEVER, 0);

  public RestartPolicy {
    if (max < 0) {
      throw new IllegalArgumentException("restart max must be 0 or more, got " + max);
    }
  }

  /** Whether an instance that exited with {@code exitCode} after {@code restarts} restarts runs again. */
  public boolean restarts(int exitCode, int restarts) {
    boolean underMax = max == 0 || restarts < max;
    return switch (kind) {
      case NEVER -> false;
      case ALWAYS -> underMax;
      case ON_FAILURE -> exitCode != 0 && underMax;
    };
  }

  public String describe() {
    return switch (kind) {
      case NEVER -> "never";
      case ALWAYS -> max == 0 ? "always" : "always (max " + max + ")";
      case ON_FAILURE -> max == 0 ? "on-failure" : "on-failure (max " + max + ")";
    };
  }
}
