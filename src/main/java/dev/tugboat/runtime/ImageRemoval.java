package dev.tugboat.runtime;

/** What became of an image Tugboat asked the engine to remove while nothing uses it. */
public enum ImageRemoval {
  /** The engine removed it (its layers too, where no other image shares them). */
  REMOVED,
  /** It was not on this host. */
  ABSENT,
  /** A container, running or not, still uses it: the engine kept it. */
  IN_USE
}
