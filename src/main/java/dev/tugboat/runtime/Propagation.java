package dev.tugboat.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Mount propagation of a bind mount (Docker's {@code shared}, {@code rshared}, {@code slave},
 * {@code rslave}, {@code private}, {@code rprivate}). {@code DEFAULT} is the engine's
 * ({@code rprivate}). The shared and slave modes need the host path's own mount to be shared (or a
 * slave); the engine refuses to start the container otherwise and says so.
 */
public enum Propagation {
  DEFAULT,
  SHARED,
  RSHARED,
  SLAVE,
  RSLAVE,
  PRIVATE,
  RPRIVATE;

  /** The engine's name ({@code rslave}); empty for {@link #DEFAULT}. */
  public String engineName() {
    return this == DEFAULT ? "" : name().toLowerCase(Locale.ROOT);
  }

  /** The mode Docker's option {@code name} stands for, if it is one. */
  public static Optional<Propagation> fromEngineName(String name) {
    return Arrays.stream(values())
        .filter(p -> p != DEFAULT && p.engineName().equals(name))
        .findFirst();
  }
}
