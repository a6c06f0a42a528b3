package dev.tugboat.events;

import java.util.Objects;

/**
 * A container an earlier run of the app left (exited ones are kept for their logs until the next
 * run starts), found when a run starts. A saved format: it is journaled.
 *
 * @param runId the run whose label it carries; empty when it carries none
 */
public record PreviousInstance(String runId, String containerId, String name) {

  public PreviousInstance {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(name, "name");
  }
}
