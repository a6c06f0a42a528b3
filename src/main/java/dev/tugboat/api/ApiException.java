package dev.tugboat.api;

/** A refused API call: the HTTP status to answer and a message that says what to do. */
public final class ApiException extends RuntimeException {

  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
