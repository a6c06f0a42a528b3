package dev.tugboat.runtime;

/**
 * SELinux relabelling of a mounted path ({@code z} / {@code Z} in Docker's mount options). The
 * engine relabels only where SELinux is enabled; elsewhere it records the option and does nothing.
 */
public enum Relabel {
  /** Leave the label as it is. */
  NONE,
  /** {@code z}: a label every container may share. */
  SHARED,
  /** {@code Z}: a label private to this container. */
  PRIVATE
}
