package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tugboat events [--follow]}: the app's events as the daemon recorded them. Following goes
 * on over a restart of the daemon: event ids are the same in its next life, so asking for the
 * events after the last one printed prints each once.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Prints the app's events (one line each: time, run, what happened).",
        "With --follow, keeps printing new ones until Ctrl-C, waiting for the daemon when it"
            + " restarts."})
public final class EventsCommand extends ClientCommand {

  private static final int WAIT_SECONDS = 30;
  private static final long RETRY_MILLIS = 1000;

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
    boolean waiting = false;
    do {
      JsonNode page;
      try {
        page = client.get("/api/v1/events?after=" + last
            + (follow ? "&wait=" + WAIT_SECONDS : ""));
      } catch (DaemonClient.ClientException e) {
        if (!follow || !e.unreachable) {
          throw e;
        }
        if (!waiting) {
          err().println("tugboat events: " + e.getMessage() + "; waiting for it, to go on after"
              + " event " + last);
          err().flush();
          waiting = true;
        }
        pause();
        continue;
      }
      if (waiting) {
        err().println("tugboat events: the daemon answers again");
        err().flush();
        waiting = false;
      }
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

  private static void pause() throws DaemonClient.ClientException {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonClient.ClientException("interrupted", 130);
    }
  }
}
