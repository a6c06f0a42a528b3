package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tugboat events [--follow]}: the app's events as the daemon recorded them; by default those
 * of the current run (the daemon keeps the last runs' too), with {@code --after} those after an id.
 * Following goes on over a restart of the daemon: event ids are the same in its next life, so
 * asking for the events after the last one printed prints each once.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Prints the current run's events (one line each: time, what happened).",
        "With --follow, keeps printing new ones, of this run and the next, until Ctrl-C, waiting"
            + " for the daemon when it restarts."})
public final class EventsCommand extends ClientCommand {

  private static final int WAIT_SECONDS = 30;
  private static final long RETRY_MILLIS = 1000;

  @Option(names = {"-f", "--follow"}, description = "Wait for new events and print them.")
  boolean follow;

  @Option(names = "--after", paramLabel = "ID",
      description = "The events after this id, of any run (0: every event the daemon kept).")
  Long after;

  @Option(names = "--all", description = "Also the loop's bookkeeping (probes, timers).")
  boolean all;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    // Without --after, the events kept of earlier runs are skipped; what comes once caught up is
    // printed whatever its run, as a restart or an upgrade starts the next one.
    String run = after == null ? client.get("/api/v1/status").path("run_id").asText("") : "";
    long last = after == null ? 0 : after;
    boolean catchingUp = true;
    boolean waiting = false;
    do {
      JsonNode page;
      try {
        page = client.get("/api/v1/events?after=" + last
            + (follow && !catchingUp ? "&wait=" + WAIT_SECONDS : ""));
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
      JsonNode events = page.path("events");
      if (events.isEmpty()) {
        catchingUp = false;
      }
      for (JsonNode event : events) {
        last = event.path("id").asLong();
        if (catchingUp && !run.isEmpty() && !run.equals(event.path("run_id").asText())) {
          continue;
        }
        String text = event.path("text").asText("");
        if (all || !text.isEmpty()) {
          out().println(event.path("time").asText() + "  " + (text.isEmpty()
              ? event.path("type").asText() + ": " + event.path("cause").asText() : text));
        }
      }
      out().flush();
    } while (follow || catchingUp);
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
