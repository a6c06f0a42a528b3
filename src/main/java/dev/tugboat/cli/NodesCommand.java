package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tugboat nodes [--json]}: the swarm's nodes, their tags and what runs on each; {@code
 * tugboat nodes tag|untag NODE TAG...} changes a node's tags.
 */
@Command(name = "nodes", mixinStandardHelpOptions = true,
    description = {"Lists the Docker Swarm's nodes: role, state, address, tags, the apps' tasks"
        + " on each, and the app's containers on this host (docs/api.md#nodes). On an engine in"
        + " no swarm, this host alone."},
    subcommands = {NodesCommand.Tag.class, NodesCommand.Untag.class})
public final class NodesCommand extends ClientCommand {

  @Option(names = "--json", description = "Print the daemon's JSON (GET /api/v1/nodes).")
  boolean json;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    JsonNode nodes = client.get("/api/v1/nodes");
    out().print(json ? nodes.toPrettyString() + "\n" : text(nodes));
    return 0;
  }

  /** The table, after the daemon's message (an engine in no swarm) and before unplaced tasks. */
  static String text(JsonNode answer) {
    StringBuilder out = new StringBuilder();
    String message = answer.path("message").asText();
    if (!message.isEmpty()) {
      out.append(message).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NODE", "ROLE", "STATE", "ADDRESS", "TAGS", "TASKS", "CONTAINERS"});
    for (JsonNode node : answer.path("nodes")) {
      rows.add(row(node));
    }
    out.append(StatusText.table(rows));
    JsonNode unplaced = answer.path("unplaced_tasks");
    if (!unplaced.isEmpty()) {
      out.append("not on a node yet: ").append(tasks(unplaced)).append('\n');
    }
    return out.toString();
  }

  private static String[] row(JsonNode node) {
    String role = node.path("role").asText() + (node.path("leader").asBoolean() ? " (leader)" : "");
    String availability = node.path("availability").asText();
    String state = node.path("state").asText()
        + (availability.isEmpty() || availability.equals("active") ? "" : ", " + availability);
    return new String[] {node.path("hostname").asText(), role, state,
        orDash(node.path("address").asText()), orDash(list(node.path("tags"))),
        orDash(tasks(node.path("tasks"))), orDash(containers(node.path("containers")))};
  }

  /** The app's containers on a node, counted by state: {@code 3 running, 1 completed}. */
  static String containers(JsonNode containers) {
    Map<String, Integer> byState = new java.util.LinkedHashMap<>();
    containers.forEach(c -> byState.merge(c.path("state").asText(), 1, Integer::sum));
    List<String> shown = new ArrayList<>();
    byState.forEach((state, count) -> shown.add(count + " " + state));
    return String.join(", ", shown);
  }

  private static String tasks(JsonNode tasks) {
    List<String> shown = new ArrayList<>();
    tasks.forEach(task -> shown.add(task.path("service").asText() + " "
        + task.path("state").asText()));
    return String.join(", ", shown);
  }

  private static String list(JsonNode values) {
    List<String> shown = new ArrayList<>();
    values.forEach(value -> shown.add(value.asText()));
    return String.join(",", shown);
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "-" : text;
  }

  /** Shared by tag and untag: sends the change, prints the node's tags after it. */
  abstract static class TagChange extends ClientCommand {

    @Parameters(index = "0", paramLabel = "NODE",
        description = "The node: its hostname, id or an unambiguous id prefix.")
    String node;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG",
        description = "Tags: letters, digits, '-', '_' and '.'.")
    List<String> tags;

    abstract String field();

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      JsonNode changed = client.post("/api/v1/nodes/" + LogsCommand.encode(node) + "/tags",
          DaemonClient.json(Map.of(field(), tags)));
      String now = list(changed.path("tags"));
      out().println(changed.path("hostname").asText() + " (" + changed.path("id").asText()
          + "): tags " + (now.isEmpty() ? "none" : now));
      return 0;
    }
  }

  @Command(name = "tag", mixinStandardHelpOptions = true,
      description = "Tags NODE (the node label dev.tugboat.tag.TAG=true), the label a clustered"
          + " component's tags: [TAG] is to be placed by; clustered components do not run on the"
          + " swarm yet (docs/cluster.md).")
  static final class Tag extends TagChange {
    @Override
    String field() {
      return "add";
    }
  }

  @Command(name = "untag", mixinStandardHelpOptions = true,
      description = "Removes tags from NODE; a tag it does not have is no change.")
  static final class Untag extends TagChange {
    @Override
    String field() {
      return "remove";
    }
  }
}
