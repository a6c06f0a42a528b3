package dev.tugboat.bundle;

/**
 * Hears the progress of a long step (saving, verifying or loading one part): called often, from
 * the thread doing the work; a listener that prints throttles itself.
 */
@FunctionalInterface
public interface TransferListener {

  TransferListener NONE = (step, done, total) -> { };

  /**
   * {@code step}: what is under way ({@code save tugboat-test/busybox:1}); {@code done} of
   * {@code total} bytes (total 0 when not known).
   */
  void progress(String step, long done, long total);
}
