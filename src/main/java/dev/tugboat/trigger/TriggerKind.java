package dev.tugboat.trigger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The triggers an event may name: Replicated's four, then our extensions. */
public enum TriggerKind {
  CONTAINER_START,
  CONTAINER_STOP,
  PORT_LISTEN,
  EXEC,
  /** Extension: the container exited with the code in {@code data}. */
  CONTAINER_EXIT,
  /** Extension: Docker's HEALTHCHECK reports healthy. */
  HEALTHY,
  /** Extension: a line of the container's output matches the regular expression in {@code data}. */
  LOG_MATCH,
  /** Extension: a GET of the URL in {@code args[0]} answers with the status in {@code args[1]}. */
  HTTP_STATUS;

  /** The name a spec uses: {@code port-listen}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<TriggerKind> fromSpecName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.specName().equals(name)).findFirst();
  }

  /**
   * How often the loop asks a probing trigger again. port-listen: often, because the migration
   * waits on it and a refused connection to a local address costs microseconds and no daemon work;
   * exec: every 2 s, as Replicated does, since each check is a Docker exec; http-status: every
   * 500 ms, each request a new connection to a local address.
   */
  public java.time.Duration probeInterval() {
    return switch (this) {
      case PORT_LISTEN -> java.time.Duration.ofMillis(50);
      case EXEC -> java.time.Duration.ofSeconds(2);
      case LOG_MATCH, HTTP_STATUS -> java.time.Duration.ofMillis(500);
      default -> java.time.Duration.ZERO;
    };
  }

  /** Triggers answered from Docker's event stream; the others are probed on an interval. */
  public boolean isObserved() {
    return this == CONTAINER_START || this == CONTAINER_STOP || this == CONTAINER_EXIT
        || this == HEALTHY;
  }
}
