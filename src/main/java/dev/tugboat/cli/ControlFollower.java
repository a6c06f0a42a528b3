package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * After the daemon accepted a start, stop or restart (202: it goes on after the answer), follows
 * the status until it is done: a stop until the run has ended, a start or restart until a new run
 * was launched or the start was refused.
 */
final class ControlFollower {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private ControlFollower() {}

  /** The status once the run {@code runId} has ended. */
  static JsonNode untilStopped(DaemonClient client, String runId)
      throws DaemonClient.ClientException {
    return until(client, status -> !status.path("run_id").asText("").equals(runId)
        || status.path("run_ended").asBoolean(false));
  }

  /** The status once a run other than {@code previousRunId} was launched, or a start refused. */
  static JsonNode untilRestarted(DaemonClient client, String previousRunId)
      throws DaemonClient.ClientException {
    return until(client, status -> {
      String kind = status.path("failure").path("kind").asText("");
      boolean refused = kind.equals("spec_refused") || kind.equals("start_refused");
      boolean newRun = !status.path("run_id").isNull()
          && !status.path("run_id").asText().equals(previousRunId);
      return refused || newRun;
    });
  }

  private static JsonNode until(DaemonClient client, Predicate<JsonNode> done)
      throws DaemonClient.ClientException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    JsonNode status = client.get("/api/v1/status");
    while (!done.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new DaemonClient.ClientException("the app is still " + status.path("state").asText()
            + " after " + TIMEOUT.toMinutes() + " minutes: " + status.path("message").asText()
            + " (tugboat status follows it)", 1);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DaemonClient.ClientException("interrupted", 130);
      }
      status = client.get("/api/v1/status");
    }
    return status;
  }
}
