package dev.tugboat.orchestrator;

/** The spec's containers and events do not make a plan (a cycle, an unknown subscriber, ...). */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }

  /** {@code cause}: the template error behind it, if any, so callers can point into the file. */
  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
