package dev.tugboat.orchestrator;

/**
 * What happens when a non-ephemeral instance exits: {@code never} (the default), {@code always}, or
 * {@code on-failure} (exit code not 0) at most {@code max} times (0: no limit). A limit belongs to
 * {@code on-failure} alone, as the spec's {@code restart-policy} rule says.
 */
public record RestartPolicy(Kind kind, int max) {

  public enum Kind {
    NEVER,
    ALWAYS,
    ON_FAILURE
  }

  public static final RestartPolicy NEVER = new RestartPolicy(Kind.NEVER, 0);
  public static final RestartPolicy ALWAYS = new RestartPolicy(Kind.ALWAYS, 0);

  public RestartPolicy {
    if (max < 0) {
      throw new IllegalArgumentException("restart max must be 0 or more, got " + max);
    }
    if (max > 0 && kind != Kind.ON_FAILURE) {
      throw new IllegalArgumentException("restart max applies only to on-failure, got " + kind
          + " with max " + max);
    }
  }

  /** Whether an instance that exited with {@code exitCode} after {@code restarts} restarts runs again. */
  public boolean restarts(int exitCode, int restarts) {
    return switch (kind) {
      case NEVER -> false;
      case ALWAYS -> true;
      case ON_FAILURE -> exitCode != 0 && (max == 0 || restarts < max);
    };
  }

  public String describe() {
    return switch (kind) {
      case NEVER -> "never";
      case ALWAYS -> "always";
      case ON_FAILURE -> max == 0 ? "on-failure" : "on-failure (max " + max + ")";
    };
  }
}
