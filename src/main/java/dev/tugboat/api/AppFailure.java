package dev.tugboat.api;

import java.util.Locale;

/** Why the app is failed: what kind of failure, so a client need not parse the message. */
public record AppFailure(Kind kind, String message) {

  public enum Kind {
    /** The spec did not pass the checks of a start: nothing was created or removed. */
    SPEC_REFUSED,
    /** The start's preparation (requirements, config values, images, ports) refused it. */
    START_REFUSED,
    /** A container reported a startup error through the Integration API while the app started. */
    STARTUP_ERROR,
    /** The run failed: a container exited, could not start, or never became ready. */
    RUN_FAILED,
    /** A run started by an apply or rollback failed and was stopped. */
    UPGRADE_FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
