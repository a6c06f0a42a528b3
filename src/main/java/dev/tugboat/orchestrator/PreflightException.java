package dev.tugboat.orchestrator;

/** The host cannot run the app as it is (missing image, taken port, no engine); nothing started. */
public final class PreflightException extends RuntimeException {
  public PreflightException(String message) {
    super(message);
  }
}
