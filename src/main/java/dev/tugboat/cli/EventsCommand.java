package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat events [--follow]}: the app's events as the daemon recorded them. */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Prints the app's events (one line each: time, run, what happened).",
        "With --follow, keeps printing new ones until Ctrl-C."})
public final class EventsCommand extends ClientCommand {

  private static final int WAIT_SECONDS = 30;

  @Option(names = {"-f", "--follow"}, description = "Wait for new events and print them.")
  boolean follow;

  @Option(names = "--after", paramLabel = "ID", defaultValue = "0",
      description = "Only events after this id.")
  long after;

  @Option(names = "--all", description = "Also the loop's bookkeeping (probes, timers).")
  boolean all;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    long last = after;
    do {
      JsonNode page = client.get("/api/v1/events?after=" + last
          + (follow ? "&wait=" + WAIT_SECONDS : ""));
      for (JsonNode event : page.path("events")) {
        last = event.path("id").asLong();
        String text = event.path("text").asText("");
        if (all || !text.isEmpty()) {
          out().println(event.path("time").asText() + "  " + (text.isEmpty()
              ? event.path("type").asText() + ": " + event.path("cause").asText() : text));
        }
      }
      out().flush();
    } while (follow);
    return 0;
  }
}
