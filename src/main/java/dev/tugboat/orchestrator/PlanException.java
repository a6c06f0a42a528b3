package dev.tugboat.orchestrator;

/** The spec's containers and events do not make a plan (a cycle, an unknown subscriber, ...). */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }
}
