package dev.tugboat.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The swarm's nodes as a slot's tasks need them: where this host reaches each, which are down (a
 * task there keeps its last state), and their hostnames for messages.
 */
record SwarmNodeView(Map<String, String> addresses, Set<String> down,
    Map<String, String> hostnames) {

  static final SwarmNodeView NONE = new SwarmNodeView(Map.of(), Set.of(), Map.of());

  static SwarmNodeView of(List<JsonNode> nodes) {
    Map<String, String> addresses = new HashMap<>();
    Set<String> down = new HashSet<>();
    Map<String, String> hostnames = new HashMap<>();
    for (JsonNode node : nodes) {
      String id = node.path("ID").asText();
      addresses.put(id, SwarmNodeAddress.of(node.path("Status").path("Addr").asText(""),
          node.path("ManagerStatus").path("Addr").asText("")));
      if (!node.path("Status").path("State").asText("ready").equals("ready")) {
        down.add(id);
      }
      hostnames.put(id, node.path("Description").path("Hostname").asText(id));
    }
    return new SwarmNodeView(Map.copyOf(addresses), Set.copyOf(down), Map.copyOf(hostnames));
  }

  String hostname(String nodeId) {
    return hostnames.getOrDefault(nodeId, nodeId);
  }
}
