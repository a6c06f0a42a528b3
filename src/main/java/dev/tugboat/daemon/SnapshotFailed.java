package dev.tugboat.daemon;

/** A snapshot or a restore that could not be done; the message says what and what to do. */
final class SnapshotFailed extends RuntimeException {
  SnapshotFailed(String message) {
    super(message);
  }

  SnapshotFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
