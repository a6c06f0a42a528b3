package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tugboat.runtime.RuntimeFailure;
import dev.tugboat.runtime.SwarmMembership;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Swarm calls a clustered container needs, on the engine's JSON as it writes it: docker-java
 * 3.7.1 has no job modes and no task port status, so services, tasks, nodes, networks and configs
 * all go one way, raw, each with the deadline of {@link DockerCalls}. A 404 is an empty answer
 * where "not there" is an answer; any other refusal is {@code ENGINE_ERROR} with the engine's
 * words.
 */
final class SwarmApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerRawApi raw;
  private final DockerCalls calls;
  private final DockerFailures failures;

  SwarmApi(DockerRawApi raw, DockerCalls calls, DockerFailures failures) {
    this.raw = raw;
    this.calls = calls;
    this.failures = failures;
  }

  static ObjectMapper json() {
    return JSON;
  }

  /** The engine's own swarm node id ({@code /info} Swarm.NodeID); empty in no swarm. */
  String localNodeId() {
    return read("tell its swarm node", () -> raw.get("/info")).path("Swarm").path("NodeID")
        .asText("");
  }

  /**
   * What part the engine has in a swarm, from {@code /info}'s {@code Swarm}. Read as a tree, not
   * as docker-java's {@code Info}: building the deserializer of that model (a hundred fields,
   * nested) made it a start's slowest engine call (0.18 s in a JVM without an archive, 35 ms in
   * {@code tugboat run} with its AOT cache), and every start asks this first.
   */
  SwarmMembership membership() {
    JsonNode swarm = read("tell its swarm membership", () -> raw.get("/info")).path("Swarm");
    String state = swarm.path("LocalNodeState").asText("");
    if (!state.equals("active")) {
      return new SwarmMembership.Inactive(state.isEmpty() ? "inactive" : state);
    }
    String nodeId = swarm.path("NodeID").asText("");
    return swarm.path("ControlAvailable").asBoolean(false)
        ? new SwarmMembership.Manager(nodeId) : new SwarmMembership.Worker(nodeId);
  }

  /** Services carrying the label {@code key}, whatever its value, and every one of {@code exact}. */
  List<JsonNode> servicesLabelled(String key, Map<String, String> exact) {
    ObjectNode filters = JSON.createObjectNode();
    filters.withArray("label").add(key);
    exact.forEach((k, v) -> filters.withArray("label").add(k + "=" + v));
    return list(read("list services",
        () -> raw.get("/services?filters=" + encode(filters.toString()))));
  }

  /** The service of that name (exactly: the engine's lookup also takes id prefixes). */
  Optional<JsonNode> service(String name) {
    DockerRawApi.Answer answer = call("inspect service " + name,
        () -> raw.get("/services/" + encode(name)));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    JsonNode service = parse(answer, "inspect service " + name);
    return service.path("Spec").path("Name").asText().equals(name) ? Optional.of(service)
        : Optional.empty();
  }

  /**
   * The tasks of these services (ids), replaced ones included; empty when one of them is gone:
   * the engine refuses the whole listing (404) for a service removed since it was read.
   */
  Optional<List<JsonNode>> tasks(Collection<String> serviceIds) {
    if (serviceIds.isEmpty()) {
      return Optional.of(List.of());
    }
    ObjectNode filters = JSON.createObjectNode();
    serviceIds.forEach(id -> filters.withArray("service").add(id));
    DockerRawApi.Answer answer = call("list tasks",
        () -> raw.get("/tasks?filters=" + encode(filters.toString())));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(list(parse(expect(answer, "list tasks"), "list tasks")));
  }

  List<JsonNode> nodes() {
    return list(read("list the swarm's nodes", () -> raw.get("/nodes")));
  }

  void createService(String name, JsonNode spec) {
    expect(call("create service " + name, () -> raw.post("/services/create", spec.toString())),
        "create service " + name);
  }

  /** Writes a service's spec at the version it was read at. */
  void updateService(String id, long version, JsonNode spec, String action) {
    expect(call(action, () -> raw.post("/services/" + encode(id) + "/update?version=" + version,
        spec.toString())), action);
  }

  /** Removes a service; one already gone is no error. */
  void removeService(String name) {
    DockerRawApi.Answer answer = call("remove service " + name,
        () -> raw.delete("/services/" + encode(name)));
    if (answer.status() != 404) {
      expect(answer, "remove service " + name);
    }
  }

  Optional<JsonNode> network(String name) {
    List<JsonNode> found = list(read("inspect network " + name, () -> raw.get(
        "/networks?filters=" + encode("{\"name\":[\"" + name + "\"]}"))));
    return found.stream().filter(n -> n.path("Name").asText().equals(name)).findFirst();
  }

  /** Creates the network; one created meanwhile by someone else is taken as it is. */
  void createNetwork(String name, JsonNode spec) {
    DockerRawApi.Answer answer = call("create network " + name,
        () -> raw.post("/networks/create", spec.toString()));
    if (answer.status() == 409) {
      return;
    }
    expect(answer, "create network " + name);
  }

  void removeNetwork(String name) {
    DockerRawApi.Answer answer = call("remove network " + name,
        () -> raw.delete("/networks/" + encode(name)));
    if (answer.status() != 404) {
      expect(answer, "remove network " + name);
    }
  }

  List<JsonNode> configs(Map<String, String> labels) {
    return list(read("list swarm configs", () -> raw.get("/configs" + labelFilter(labels))));
  }

  /** Creates a config and returns its id; an existing one of that name is looked up instead. */
  String createConfig(String name, JsonNode spec) {
    DockerRawApi.Answer answer = call("create config " + name,
        () -> raw.post("/configs/create", spec.toString()));
    if (answer.status() == 409) {
      return read("inspect config " + name, () -> raw.get("/configs/" + encode(name)))
          .path("ID").asText();
    }
    return parse(expect(answer, "create config " + name), "create config " + name)
        .path("ID").asText();
  }

  void removeConfig(String id) {
    DockerRawApi.Answer answer = call("remove config " + id,
        () -> raw.delete("/configs/" + encode(id)));
    if (answer.status() != 404) {
      expect(answer, "remove config " + id);
    }
  }

  private static String labelFilter(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    ObjectNode filters = JSON.createObjectNode();
    labels.forEach((k, v) -> filters.withArray("label").add(k + "=" + v));
    return "?filters=" + encode(filters.toString());
  }

  private JsonNode read(String action, Supplier<DockerRawApi.Answer> request) {
    return parse(expect(call(action, request), action), action);
  }

  private DockerRawApi.Answer call(String action, Supplier<DockerRawApi.Answer> request) {
    try {
      return calls.ask(action, request);
    } catch (RuntimeException e) {
      throw failures.of(action, e);
    }
  }

  private static DockerRawApi.Answer expect(DockerRawApi.Answer answer, String action) {
    if (answer.ok()) {
      return answer;
    }
    String message = answer.body();
    try {
      message = JSON.readTree(answer.body()).path("message").asText(answer.body());
    } catch (IOException notJson) {
      // the body as it came is the best there is
    }
    if (message.contains("This node is not a swarm manager")) {
      throw new RuntimeFailure(RuntimeFailure.Kind.NOT_A_SWARM_MANAGER, "cannot " + action
          + ": this Docker Engine is no swarm manager (" + message.strip() + "); clustered"
          + " components run only when the daemon's engine manages a swarm");
    }
    throw RuntimeFailure.engineError(action, message.strip(), null);
  }

  private static JsonNode parse(DockerRawApi.Answer answer, String action) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw RuntimeFailure.engineError(action, "the engine's answer is not JSON: "
          + e.getMessage(), e);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    java.util.ArrayList<JsonNode> items = new java.util.ArrayList<>();
    array.forEach(items::add);
    return List.copyOf(items);
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
