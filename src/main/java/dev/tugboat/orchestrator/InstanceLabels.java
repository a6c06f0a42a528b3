package dev.tugboat.orchestrator;

import dev.tugboat.events.ContainerKey;
import java.util.Map;
import java.util.Optional;

/**
 * The labels every instance carries, so a restarted daemon finds its containers and a run's
 * containers can be listed. These names are a saved format: never rename them.
 */
public final class InstanceLabels {

  public static final String APP = "dev.tugboat.app";
  public static final String RUN = "dev.tugboat.run";
  public static final String COMPONENT = "dev.tugboat.component";
  public static final String CONTAINER = "dev.tugboat.container";
  public static final String SPEC = "dev.tugboat.spec";
  /** The instance number of a container with several instances; absent on the only instance. */
  public static final String INSTANCE = "dev.tugboat.instance";

  private InstanceLabels() {}

  public static Map<String, String> of(String app, String runId, ContainerKey key, String specHash) {
    if (key.instance() != 0) {
      return Map.of(APP, app, RUN, runId, COMPONENT, key.component(), CONTAINER, key.container(),
          SPEC, specHash, INSTANCE, String.valueOf(key.instance()));
    }
    return Map.of(APP, app, RUN, runId, COMPONENT, key.component(), CONTAINER, key.container(),
        SPEC, specHash);
  }

  /** The container a labelled instance was made for. */
  public static Optional<ContainerKey> keyOf(Map<String, String> labels) {
    String component = labels.get(COMPONENT);
    String container = labels.get(CONTAINER);
    if (component == null || container == null) {
      return Optional.empty();
    }
    String instance = labels.getOrDefault(INSTANCE, "0");
    try {
      return Optional.of(new ContainerKey(component, container, Integer.parseInt(instance)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a number we wrote
    }
  }
}
