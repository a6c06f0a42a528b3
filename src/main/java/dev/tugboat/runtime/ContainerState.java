package dev.tugboat.runtime;

import java.util.Locale;

/** A container's state as the engine reports it. */
public enum ContainerState {
  CREATED,
  RUNNING,
  PAUSED,
  RESTARTING,
  REMOVING,
  EXITED,
  DEAD;

  /** Parses the engine's lower-case status word ({@code running}, {@code exited}, ...). */
  public static ContainerState parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown container state \"" + text + "\"", e);
    }
  }

  /** Its process runs (restarting counts: the engine is about to run it again). */
  public boolean isAlive() {
    return this == RUNNING || this == PAUSED || this == RESTARTING;
  }
}
