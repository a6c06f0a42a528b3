package dev.tugboat.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What an image brings with it. An image made with {@code docker import} has no exposed ports and no
 * command.
 *
 * @param exposedPorts the ports it declares (EXPOSE)
 * @param cmd its default command; empty: none, so a container needs one given
 * @param hasHealthcheck it declares a HEALTHCHECK (one of {@code NONE} does not count)
 */
public record ImageInfo(
    String id,
    String reference,
    List<ExposedPort> exposedPorts,
    List<String> cmd,
    List<String> entrypoint,
    boolean hasHealthcheck) {
  /** A port an image declares. */
  public record ExposedPort(int port, Protocol protocol) {}

  public ImageInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    exposedPorts = List.copyOf(exposedPorts);
    cmd = List.copyOf(cmd);
    entrypoint = List.copyOf(entrypoint);
  }
}
