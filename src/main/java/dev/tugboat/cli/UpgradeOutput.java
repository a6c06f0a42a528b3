package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * What {@code tugboat apply} and {@code tugboat rollback} print: the specs, one line per change,
 * the new spec's warnings and what the daemon did; then, unless asked not to, the new run followed
 * until it started or failed.
 */
final class UpgradeOutput {

  private static final Duration POLL = Duration.ofMillis(500);

  private UpgradeOutput() {}

  static void print(PrintWriter out, JsonNode result) {
    JsonNode from = result.path("from");
    JsonNode to = result.path("to");
    out.println((from.isObject() ? spec(from) + " -> " : "") + spec(to));
    result.path("summary").forEach(line -> out.println("  " + line.asText()));
    result.path("warnings").forEach(line -> out.println(line.asText()));
    out.println(result.path("message").asText());
    out.flush();
  }

  /**
   * Follows the app's status until run {@code runId} started (0) or failed or stopped (1), or
   * {@code timeout} passed (1).
   */
  static int await(DaemonClient client, JsonNode result, Duration timeout, PrintWriter out,
      PrintWriter err) throws DaemonClient.ClientException {
    String runId = result.path("run_id").asText("");
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status = client.get("/api/v1/status");
    while (!settled(status, runId)) {
      if (System.nanoTime() > deadline) {
        err.println("run " + runId + " is still " + status.path("state").asText() + " after "
            + timeout.toSeconds() + " s: " + status.path("message").asText()
            + " (tugboat status follows it)");
        return 1;
      }
      pause();
      status = client.get("/api/v1/status");
    }
    String state = status.path("state").asText();
    String ran = spec(status.path("app")) + " (run " + status.path("run_id").asText() + ")";
    if (state.equals("started")) {
      out.println(ran + ": started");
      return 0;
    }
    String message = status.path("message").asText();
    err.println(ran + ": " + state + ": " + message);
    if (state.equals("failed") && result.path("from").isObject()
        && !message.contains("tugboat rollback")) {
      err.println("the daemon stops what the new run started; tugboat rollback returns to "
          + spec(result.path("from")));
    }
    return 1;
  }

  private static boolean settled(JsonNode status, String runId) {
    String state = status.path("state").asText();
    boolean ours = status.path("run_id").asText("").equals(runId);
    boolean otherRun = !status.path("run_id").isNull() && !ours;
    return otherRun || (ours && (state.equals("started") || state.equals("failed")
        || state.equals("stopped")));
  }

  private static String spec(JsonNode spec) {
    return spec.path("name").asText() + " " + spec.path("version").asText();
  }

  private static void pause() throws DaemonClient.ClientException {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DaemonClient.ClientException("interrupted", 130);
    }
  }
}
