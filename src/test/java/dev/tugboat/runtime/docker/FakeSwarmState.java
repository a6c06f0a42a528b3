package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A swarm's services, tasks, networks and configs for {@link FakeSwarmEngine}: services are kept
 * as created and updated; tasks are what the test says Swarm made of them. Three nodes: the manager
 * {@code m1} (this engine) and workers {@code w1}, {@code w2}.
 */
final class FakeSwarmState {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NODES = "[{\"ID\": \"m1\", \"Description\": {\"Hostname\": \"host\"},"
      + " \"Status\": {\"State\": \"ready\", \"Addr\": \"0.0.0.0\"},"
      + " \"ManagerStatus\": {\"Leader\": true, \"Addr\": \"172.17.0.1:2377\"}},"
      + " {\"ID\": \"w1\", \"Description\": {\"Hostname\": \"tugboat-worker-1\"},"
      + " \"Status\": {\"State\": \"ready\", \"Addr\": \"172.17.0.2\"}},"
      + " {\"ID\": \"w2\", \"Description\": {\"Hostname\": \"tugboat-worker-2\"},"
      + " \"Status\": {\"State\": \"ready\", \"Addr\": \"172.17.0.3\"}}]";

  private final Map<String, ObjectNode> services = new LinkedHashMap<>();
  private String nodes = NODES;
  private final List<JsonNode> tasks = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();
  private final Map<String, ObjectNode> configs = new LinkedHashMap<>();

  private volatile boolean silent;
  private volatile boolean inSwarm = true;
  private Runnable beforeTaskListing; // run once, at the next task listing

  /** The engine leaves the swarm: /info says so, and every swarm call is refused with 503. */
  void leaveSwarm() {
    inSwarm = false;
  }

  /** The engine stops answering (as a paused one): every request from now on waits. */
  void silent() {
    silent = true;
  }

  FakeSwarmEngine.Answer answer(String request) {
    while (silent) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return answered(request);
  }

  private synchronized FakeSwarmEngine.Answer answered(String request) {
    String[] parts = request.split(" ", 3);
    String method = parts[0];
    String path = parts[1];
    String body = parts.length > 2 ? parts[2] : "";
    if (method.equals("GET") && path.startsWith("/info") && !inSwarm) {
      return ok("{\"Swarm\": {\"NodeID\": \"\", \"LocalNodeState\": \"inactive\","
          + " \"ControlAvailable\": false}}");
    }
    if (!inSwarm && !path.startsWith("/info")) {
      return new FakeSwarmEngine.Answer(503, "{\"message\": \"This node is not a swarm manager."
          + " Use \\\"docker swarm init\\\" or \\\"docker swarm join\\\" to connect this"
          + " node to swarm and try again.\"}");
    }
    if (method.equals("GET") && path.startsWith("/info")) {
      return ok("{\"Swarm\": {\"NodeID\": \"m1\", \"LocalNodeState\": \"active\","
          + " \"ControlAvailable\": true}}");
    }
    if (method.equals("GET") && path.startsWith("/nodes")) {
      return ok(nodes);
    }
    if (method.equals("GET") && path.startsWith("/services?")) {
      ArrayNode all = JSON.createArrayNode();
      services.values().forEach(all::add);
      return ok(all.toString());
    }
    if (method.equals("GET") && path.startsWith("/services/")) {
      ObjectNode service = services.get(path.substring("/services/".length()));
      return service == null ? missing("service") : ok(service.toString());
    }
    if (method.equals("POST") && path.equals("/services/create")) {
      ObjectNode spec = read(body);
      String name = spec.path("Name").asText();
      if (services.containsKey(name)) {
        return new FakeSwarmEngine.Answer(409, "{\"message\": \"name conflicts\"}");
      }
      ObjectNode service = JSON.createObjectNode().put("ID", "id-" + name);
      service.putObject("Version").put("Index", 1);
      service.set("Spec", spec);
      services.put(name, service);
      return new FakeSwarmEngine.Answer(201, "{\"ID\": \"id-" + name + "\"}");
    }
    if (method.equals("POST") && path.startsWith("/services/")) {
      String id = path.substring("/services/".length(), path.indexOf("/update"));
      ObjectNode service = byId(id);
      if (service == null) {
        return missing("service");
      }
      long version = Long.parseLong(path.replaceFirst(".*version=", ""));
      if (version != service.path("Version").path("Index").asLong()) {
        return new FakeSwarmEngine.Answer(500, "{\"message\": \"update out of sequence\"}");
      }
      service.set("Spec", read(body));
      service.with("Version").put("Index", version + 1);
      return ok("{}");
    }
    if (method.equals("DELETE") && path.startsWith("/services/")) {
      return services.remove(path.substring("/services/".length())) == null ? missing("service")
          : ok("");
    }
    if (method.equals("GET") && path.startsWith("/tasks")) {
      Runnable hook = beforeTaskListing;
      beforeTaskListing = null;
      if (hook != null) {
        hook.run();
      }
      // as the engine does, a filter naming a service that is gone refuses the whole listing
      String filters = URLDecoder.decode(path.replaceFirst("^[^?]*\\??(filters=)?", ""),
          StandardCharsets.UTF_8);
      if (filters.startsWith("{")) {
        for (JsonNode id : read(filters).path("service")) {
          if (byId(id.asText()) == null) {
            return missing("service " + id.asText());
          }
        }
      }
      ArrayNode all = JSON.createArrayNode();
      tasks.forEach(all::add);
      return ok(all.toString());
    }
    if (method.equals("GET") && path.startsWith("/networks")) {
      ArrayNode all = JSON.createArrayNode();
      networks.forEach(n -> all.addObject().put("Name", n));
      return ok(all.toString());
    }
    if (method.equals("POST") && path.equals("/networks/create")) {
      networks.add(read(body).path("Name").asText());
      return new FakeSwarmEngine.Answer(201, "{\"Id\": \"net1\"}");
    }
    if (method.equals("GET") && path.startsWith("/configs")) {
      ArrayNode all = JSON.createArrayNode();
      configs.values().forEach(all::add);
      return ok(all.toString());
    }
    if (method.equals("POST") && path.equals("/configs/create")) {
      ObjectNode spec = read(body);
      String id = "cfg" + (configs.size() + 1);
      configs.put(id, JSON.createObjectNode().put("ID", id).set("Spec", spec));
      return new FakeSwarmEngine.Answer(201, "{\"ID\": \"" + id + "\"}");
    }
    if (method.equals("DELETE") && path.startsWith("/configs/")) {
      return configs.remove(path.substring("/configs/".length())) == null ? missing("config")
          : ok("");
    }
    return new FakeSwarmEngine.Answer(404, "{\"message\": \"no route " + request + "\"}");
  }

  synchronized JsonNode service(String name) {
    return services.get(name);
  }

  synchronized int configCount() {
    return configs.size();
  }

  synchronized List<String> networks() {
    return List.copyOf(networks);
  }

  /** Worker {@code w1}'s engine went away: the manager marks it down. */
  synchronized void firstWorkerDown() {
    nodes = NODES.replace("\"ready\", \"Addr\": \"172.17.0.2\"",
        "\"down\", \"Addr\": \"172.17.0.2\"");
  }

  /** Runs {@code change} when the tasks are next listed, before they are answered. */
  synchronized void beforeNextTaskListing(Runnable change) {
    beforeTaskListing = change;
  }

  /** Removes a service, as another client might at any moment. */
  synchronized void removeService(String name) {
    services.remove(name);
  }

  /** Swarm's tasks from now on. */
  synchronized void tasks(JsonNode... now) {
    tasks.clear();
    tasks.addAll(List.of(now));
  }

  /** A task of {@code service}'s slot on {@code node}, in {@code state}, wanted {@code desired}. */
  static ObjectNode task(String id, String service, int slot, String node, String state,
      String desired, String createdAt) {
    ObjectNode task = JSON.createObjectNode().put("ID", id).put("ServiceID", "id-" + service)
        .put("NodeID", node).put("DesiredState", desired).put("CreatedAt", createdAt);
    if (slot != 0) {
      task.put("Slot", slot); // as the engine writes it: a slot of 0 is left out
    }
    task.putObject("Version").put("Index", 10);
    task.putObject("Status").put("State", state).put("Timestamp", createdAt)
        .putObject("ContainerStatus").put("ContainerID", "c-" + id);
    return task;
  }

  private ObjectNode byId(String id) {
    return services.values().stream().filter(s -> s.path("ID").asText().equals(id)).findFirst()
        .orElse(null);
  }

  private static FakeSwarmEngine.Answer ok(String json) {
    return new FakeSwarmEngine.Answer(200, json);
  }

  private static FakeSwarmEngine.Answer missing(String what) {
    return new FakeSwarmEngine.Answer(404, "{\"message\": \"" + what + " not found\"}");
  }

  private static ObjectNode read(String body) {
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
