package dev.tugboat.runtime;

import java.util.Objects;

/**
 * A Swarm task of one of Tugboat's apps (its service carries the label {@value #APP_LABEL}): what
 * runs where.
 *
 * @param id the task's id
 * @param service its service's name
 * @param app the app named by the service's {@value #APP_LABEL} label
 * @param state the task's state as Docker names it ({@code running}, {@code pending}, ...)
 * @param nodeId the node it is on; empty while the scheduler has not placed it
 */
public record ClusterTask(String id, String service, String app, String state, String nodeId) {

  public static final String APP_LABEL = "dev.tugboat.app";

  public ClusterTask {
    Objects.requireNonNull(id, "id");
    service = Objects.requireNonNullElse(service, "");
    app = Objects.requireNonNullElse(app, "");
    state = Objects.requireNonNullElse(state, "");
    nodeId = Objects.requireNonNullElse(nodeId, "");
  }
}
