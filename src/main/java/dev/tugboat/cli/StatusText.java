package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The status as {@code tugboat status} prints it: a header, then one table row per container. */
final class StatusText {

  private StatusText() {}

  static String render(JsonNode status) {
    StringBuilder out = new StringBuilder();
    JsonNode app = status.path("app");
    out.append(app.path("name").asText("(no app)")).append(' ')
        .append(app.path("version").asText("")).append(": ").append(status.path("state").asText())
        .append(status.path("message").asText("").isEmpty() ? ""
            : " (" + status.path("message").asText() + ")")
        .append('\n');
    if (!status.path("run_id").isNull() && status.has("run_id")) {
      out.append("run ").append(status.path("run_id").asText()).append(", started ")
          .append(status.path("started_at").asText("")).append('\n');
    }
    String paused = status.path("paused").asText("");
    if (!paused.isEmpty()) {
      out.append("paused: ").append(paused).append('\n');
    }
    String startup = status.path("startup_message").asText("");
    if (!startup.isEmpty()) {
      out.append("startup message: ").append(startup).append('\n');
    }
    String docker = status.path("docker").asText("reachable");
    if (!docker.equals("reachable")) {
      out.append("docker: ").append(docker)
          .append(" (container states below are as last seen)\n");
    }
    String ready = ready(status.path("ready"));
    if (!ready.isEmpty()) {
      out.append(ready).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CONTAINER", "STATE", "DETAIL", "PORTS"});
    for (JsonNode component : status.path("components")) {
      for (JsonNode c : component.path("containers")) {
        List<String> ports = new ArrayList<>();
        c.path("ports").forEach(p -> ports.add(p.asText()));
        String state = c.path("state").asText()
            + (c.path("state_last_seen").asBoolean() ? " (last seen)" : "")
            + (c.path("node").asText("").isEmpty() ? "" : " on " + c.path("node").asText());
        rows.add(new String[] {c.path("key").asText(), state,
            c.path("summary").asText(), String.join(", ", ports)});
      }
    }
    if (rows.size() > 1) {
      out.append('\n').append(table(rows));
    }
    return out.toString();
  }

  /** The spec's ready check in the dashboard's words; empty when the spec has none. */
  static String ready(JsonNode ready) {
    String state = ready.path("state").asText("none");
    String check = "ready check " + ready.path("description").asText("") + ": ";
    String seen = ready.path("last_seen").asText("");
    return switch (state) {
      case "none" -> "";
      case "not_due" -> check + "runs once every container has started";
      case "checking" -> check + "checking" + (seen.isEmpty() ? "" : ", last seen: " + seen);
      case "passed" -> check + "passed" + (seen.isEmpty() ? "" : " (" + seen + ")");
      default -> check + state;
    };
  }

  static String table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
