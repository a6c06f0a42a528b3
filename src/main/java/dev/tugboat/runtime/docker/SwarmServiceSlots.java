package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.runtime.ClusterTask;
import dev.tugboat.runtime.RuntimeFailure;
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

  // how often the services are listed again when one vanished while they were listed
  private static final int LISTINGS = 3;
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
        .flatMap(service -> api.tasks(List.of(service.id()))
            .map(tasks -> SwarmSlotTasks.of(service, slot.slot(), tasks, nodes())));
  }

  /** Every slot of the services made here whose slot labels hold all of {@code labels}. */
  List<SwarmSlotTasks> slotsMatching(Map<String, String> labels) {
    // The engine filters on the labels the service carries; the slot label only its slots
    // carry, so only the app's label is asked of it, and the rest is matched per slot below.
    Map<String, String> app = labels.containsKey(ClusterTask.APP_LABEL)
        ? Map.of(ClusterTask.APP_LABEL, labels.get(ClusterTask.APP_LABEL)) : Map.of();
    // A service removed between the two listings makes the engine refuse its tasks: list again,
    // as a watch that failed on it would miss the removal it is there to report.
    for (int attempt = 1; ; attempt++) {
      List<SwarmServiceFacts> services = api.servicesLabelled(SwarmServiceSpec.REPLICAS, app)
          .stream().map(SwarmServiceFacts::of).toList();
      if (services.isEmpty()) {
        return List.of();
      }
      Optional<List<JsonNode>> tasks =
          api.tasks(services.stream().map(SwarmServiceFacts::id).toList());
      if (tasks.isPresent()) {
        return slotsOf(services, tasks.get(), labels);
      }
      if (attempt == LISTINGS) {
        throw RuntimeFailure.engineError("list the swarm's tasks", "services were removed while"
            + " they were listed, " + LISTINGS + " times over", null);
      }
    }
  }

  private List<SwarmSlotTasks> slotsOf(List<SwarmServiceFacts> services, List<JsonNode> tasks,
      Map<String, String> labels) {
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
