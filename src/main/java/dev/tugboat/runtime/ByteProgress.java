package dev.tugboat.runtime;

/**
 * Hears how many bytes of a long transfer are done, from the thread doing it; must be quick
 * (a caller that prints throttles here, see {@code cli.ProgressLine}).
 */
@FunctionalInterface
public interface ByteProgress {

  ByteProgress NONE = done -> { };

  /** {@code done}: bytes transferred so far, never less than last time. */
  void advanced(long done);
}
