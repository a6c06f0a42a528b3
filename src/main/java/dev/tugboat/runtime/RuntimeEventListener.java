package dev.tugboat.runtime;

/**
 * Receives the engine's events in the engine's order. Called on a thread of the runtime, one call at
 * a time: hand the event over (e.g. post it to the event loop) and return quickly.
 */
public interface RuntimeEventListener {
  void onEvent(RuntimeEvent event);

  /**
   * Called once, last. The stream never reconnects by itself: after anything but {@link
   * StreamEnd.Closed}, subscribe again and re-read container state.
   */
  void onEnd(StreamEnd end);
}
