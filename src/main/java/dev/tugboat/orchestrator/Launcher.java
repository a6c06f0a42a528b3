package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;

/**
 * Turns a container of the plan into what to create, rendering its templates with what the run
 * knows now (addresses and ports of the containers already running). Called on the loop thread,
 * just before the container starts; must not block on I/O.
 */
public interface Launcher {

  /** Throws {@link LaunchException} with a message naming the field when rendering fails. */
  PreparedContainer prepare(ContainerKey key, RunState state);

  /** The {@code state.ready} check, rendered now; called once every container has started. */
  ReadyProbe readyProbe(RunState state);

  /** A launch that cannot go ahead; the message is for the operator as it is. */
  final class LaunchException extends RuntimeException {
    public LaunchException(String message) {
      super(message);
    }

    public LaunchException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
