package dev.tugboat.bundle;

/**
 * A bundle that cannot be made or is refused; the message names the part (or image) and what to
 * do. Nothing was loaded or changed when it is thrown by verification.
 */
public final class BundleException extends Exception {

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
