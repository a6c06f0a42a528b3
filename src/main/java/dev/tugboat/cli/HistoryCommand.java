package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat history}: the daemon's past runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the app's runs, newest first: spec, start and end, outcome and cause.")
public final class HistoryCommand extends ClientCommand {

  private static final String ROW = "%-20s  %-30s  %-19s  %-19s  %-8s  %s";

  @Option(names = "--json", description = "Print the daemon's JSON (GET /api/v1/history).")
  boolean json;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    JsonNode history = client.get("/api/v1/history");
    if (json) {
      out().println(history.toPrettyString());
      return 0;
    }
    JsonNode runs = history.path("runs");
    if (runs.isEmpty()) {
      out().println("no runs yet");
      return 0;
    }
    row("RUN", "SPEC", "STARTED", "ENDED", "OUTCOME", "CAUSE");
    for (JsonNode run : runs) {
      row(run.path("run_id").asText(),
          run.path("spec_name").asText() + " " + run.path("spec_version").asText(),
          time(run.path("started_at")), time(run.path("ended_at")),
          run.path("outcome").asText(), run.path("cause").asText());
    }
    return 0;
  }

  private void row(String... cells) {
    out().println(String.format(ROW, (Object[]) cells).stripTrailing());
  }

  /** {@code 2026-11-22 04:51:12} from ISO-8601; {@code -} when absent. */
  private static String time(JsonNode instant) {
    if (instant.isMissingNode() || instant.isNull()) {
      return "-";
    }
    String text = instant.asText().replace('T', ' ');
    return text.length() > 19 ? text.substring(0, 19) : text;
  }
}
