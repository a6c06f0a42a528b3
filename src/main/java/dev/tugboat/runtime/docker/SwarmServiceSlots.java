package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.ServiceSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads clustered containers' slots off the swarm: the services Tugboat made (those carrying
 * {@link SwarmServiceSpec#REPLICAS}), their tasks, and the nodes they run on.
 */
final class SwarmServiceSlots {
  private final SwarmApi api;

  SwarmServiceSlots(SwarmApi api) {
    this.api = api;
  }

  Optional<SwarmServiceFacts> service(String name) {
    return api.service(name).map(SwarmServiceFacts::of);
  }

  /** The slot, with its tasks; empty when there is no such service or slot. */
  Optional<SwarmSlotTasks> slot(ServiceSlot slot) {
    return service(slot.service())
        .filter(service -> slot.slot() <= service.replicas())
        .map(service -> SwarmSlotTasks.of(service, slot.slot(),
            api.tasks(List.of(service.id())), nodes()));
  }

  /** Every slot of the services made here whose slot labels hold all of {@code labels}. */
  List<SwarmSlotTasks> slotsMatching(Map<String, String> labels) {
    // The engine filters on the labels the service carries; the slot label only its slots
    // carry, so only the app's label is asked of it, and the rest is matched per slot below.
    Map<String, String> app = labels.containsKey(ClusterTask.APP_LABEL)
        ? Map.of(ClusterTask.APP_LABEL, labels.get(ClusterTask.APP_LABEL)) : Map.of();
    List<SwarmServiceFacts> services = api.servicesLabelled(SwarmServiceSpec.REPLICAS, app)
        .stream().map(SwarmServiceFacts::of).toList();
    if (services.isEmpty()) {
      return List.of();
    }
    List<JsonNode> tasks = api.tasks(services.stream().map(SwarmServiceFacts::id).toList());
    SwarmNodeView nodes = nodes();
    List<SwarmSlotTasks> slots = new ArrayList<>();
    for (SwarmServiceFacts service : services) {
      for (int slot = 1; slot <= service.replicas(); slot++) {
        SwarmSlotTasks tasksOfSlot = SwarmSlotTasks.of(service, slot, tasks, nodes);
        if (tasksOfSlot.labels().entrySet().containsAll(labels.entrySet())) {
          slots.add(tasksOfSlot);
        }
      }
    }
    return slots;
  }

  SwarmNodeView nodes() {
    return SwarmNodeView.of(api.nodes());
  }
}
