package dev.tugboat.api;

/**
 * The app refused what was asked, and why in the app's own terms: the daemon throws it (or fails
 * a future with it) and the API alone turns its {@link Reason} into an HTTP status ({@link
 * RefusalStatus}). The message says what was wrong and what to do.
 */
public final class AppRefusal extends RuntimeException {

  /** Why a request was refused. */
  public enum Reason {
    /** What was sent is wrong: a spec that does not validate, a config value out of range. */
    INVALID,
    /** What was named does not exist: a container, a config item, an admin command. */
    NOT_FOUND,
    /** It cannot be done in the state the app is in: no app configured, a required value unset. */
    CONFLICT,
    /** The Docker Engine refused or failed the call it needed. */
    ENGINE_FAILED,
    /** The daemon cannot answer now (shutting down, a start under way); asking again may work. */
    UNAVAILABLE,
    /** The state directory cannot be written (a full disk, its permissions). */
    NO_SPACE,
    /** Something failed that should not have; the message says what. */
    FAILED
  }

  private final Reason reason;

  public AppRefusal(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
