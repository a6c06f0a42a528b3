package dev.tugboat.runtime;

/**
 * Receives a followed container's output line by line. Called on a thread of the runtime, one call
 * at a time: hand the line over (e.g. post an event) and return quickly.
 */
public interface LogListener {
  void onLine(LogLine line);

  /** Called once, last. */
  void onEnd(StreamEnd end);
}
