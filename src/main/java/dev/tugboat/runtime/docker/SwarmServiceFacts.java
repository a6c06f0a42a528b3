package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A clustered container's service as the engine lists it, with the placement facts its labels
 * carry (see {@link SwarmServiceSpec}).
 *
 * @param labels the service's labels without those placement facts: the container's, minus its
 *     slot label
 * @param replicas the slots the service was made with (a stopped service runs none of them)
 * @param runningReplicas what a replicated service is scaled to now
 * @param replacesLostTasks Swarm runs a task of a node that went away elsewhere: any restart
 *     condition but {@code none} (measured: with {@code none} the slot stays without a task)
 */
record SwarmServiceFacts(String id, String name, long version, String image,
    Map<String, String> labels, int replicas, int runningReplicas, String slotLabel, boolean job,
    String network, boolean replacesLostTasks) {

  static SwarmServiceFacts of(JsonNode service) {
    JsonNode spec = service.path("Spec");
    Map<String, String> all = new TreeMap<>();
    spec.path("Labels").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue().asText()));
    Map<String, String> labels = new TreeMap<>();
    all.forEach((k, v) -> {
      if (!k.startsWith(SwarmServiceSpec.PREFIX)) {
        labels.put(k, v);
      }
    });
    boolean job = Boolean.parseBoolean(all.get(SwarmServiceSpec.JOB))
        || spec.path("Mode").has("ReplicatedJob");
    int replicas = parse(all.get(SwarmServiceSpec.REPLICAS), job
        ? spec.path("Mode").path("ReplicatedJob").path("TotalCompletions").asInt(1)
        : spec.path("Mode").path("Replicated").path("Replicas").asInt(1));
    int running = job ? replicas : spec.path("Mode").path("Replicated").path("Replicas").asInt(0);
    // Swarm pins the image to a digest when a registry told it one: the container's is the name
    String image = spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("")
        .replaceFirst("@sha256:[0-9a-f]+$", "");
    return new SwarmServiceFacts(service.path("ID").asText(), spec.path("Name").asText(),
        service.path("Version").path("Index").asLong(), image, labels, replicas, running,
        all.getOrDefault(SwarmServiceSpec.SLOT_LABEL, ""), job,
        all.getOrDefault(SwarmServiceSpec.NETWORK, ""),
        !spec.path("TaskTemplate").path("RestartPolicy").path("Condition").asText("any")
            .equals("none"));
  }

  private static int parse(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
