package dev.tugboat.runtime;

import java.util.Objects;

/**
 * Why a stream (events, followed logs) ended. After {@link Failed} or {@link EndedByEngine} of the
 * event stream, events may have been missed: subscribe again and re-read the state of the
 * containers, never trust that every transition was seen.
 */
public sealed interface StreamEnd {
  /** The subscriber closed it. */
  record Closed() implements StreamEnd {}

  /** The engine ended it without an error (e.g. a followed container exited, the engine stopped). */
  record EndedByEngine() implements StreamEnd {}

  /** It broke: the engine went away or answered with an error. */
  record Failed(RuntimeFailure failure) implements StreamEnd {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
