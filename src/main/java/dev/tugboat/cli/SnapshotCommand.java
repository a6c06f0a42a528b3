package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tugboat.files.ByteSizes;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tugboat snapshot list | create | restore ID}: the snapshots of the app's data. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Lists, takes and restores snapshots of the app's data (its named volumes and"
        + " host directories), kept in the daemon's state directory. tugboat apply takes one"
        + " before the new version runs; tugboat rollback --data restores it."},
    subcommands = {SnapshotCommand.ListSnapshots.class, SnapshotCommand.Create.class,
        SnapshotCommand.Restore.class})
public final class SnapshotCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: list, create or restore ID");
  }

  /** How long create and restore wait for the daemon's answer: the copy of all the data. */
  static final String TIMEOUT_HELP = "How long to wait for the copy of the data, in seconds"
      + " (default: ${DEFAULT-VALUE}); the daemon goes on with it either way.";

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the snapshots, newest first: id, time, app and version, size, cause.")
  static final class ListSnapshots extends ClientCommand {

    @Option(names = "--json", description = "Print the daemon's JSON (GET /api/v1/snapshots).")
    boolean json;

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      JsonNode answer = client.get("/api/v1/snapshots");
      if (json) {
        out().println(answer.toPrettyString());
        return 0;
      }
      JsonNode snapshots = answer.path("snapshots");
      if (snapshots.isEmpty()) {
        out().println("no snapshots yet: tugboat apply takes one before an upgrade; tugboat"
            + " snapshot create takes one now");
        return 0;
      }
      out().println(String.format(Locale.ROOT, "%-24s %-20s %-24s %10s %7s  %s", "ID", "TAKEN",
          "APP", "SIZE", "TIME", "WHY"));
      for (JsonNode s : snapshots) {
        out().println(String.format(Locale.ROOT, "%-24s %-20s %-24s %10s %6.1fs  %s",
            s.path("id").asText(), s.path("created").asText().replaceFirst("\\.\\d+Z$", "Z"),
            s.path("app").asText() + " " + s.path("version").asText(),
            ByteSizes.of(s.path("bytes").asLong()), s.path("seconds").asDouble(),
            s.path("reason").asText()));
        for (JsonNode v : s.path("volumes")) {
          out().println("    " + v.path("kind").asText() + " " + v.path("name").asText() + " ("
              + v.path("path").asText() + "), " + ByteSizes.of(v.path("archive_bytes").asLong())
              + ", owner " + v.path("owner").asText() + " mode " + v.path("mode").asText()
              + ", sha256 " + v.path("sha256").asText());
        }
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Takes a snapshot of the app's data now, with the spec and settings in use.",
          "A consistent copy needs the app stopped or paused: a running app is refused unless"
              + " --stop, or the spec pauses it (backup.pause_containers)."})
  static final class Create extends ClientCommand {

    @Option(names = "--stop", description = "Stop the running app, take the snapshot, start it"
        + " again (also when the snapshot fails). A spec that pauses the app for snapshots has"
        + " a started app paused instead.")
    boolean stop;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
        description = TIMEOUT_HELP)
    long timeoutSeconds;

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      JsonNode result = client.post("/api/v1/snapshots" + (stop ? "?stop=true" : ""), "",
          java.time.Duration.ofSeconds(timeoutSeconds));
      out().println(result.path("message").asText());
      return 0;
    }
  }

  @Command(name = "restore", mixinStandardHelpOptions = true,
      description = {"Stops the app, replaces its data with snapshot ID's, and starts it with the"
          + " spec and settings the snapshot was taken with.",
          "Every archive's SHA-256 is checked first: a damaged snapshot changes nothing."})
  static final class Restore extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The snapshot (tugboat snapshot"
        + " list shows them).")
    String id;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
        description = TIMEOUT_HELP)
    long timeoutSeconds;

    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      JsonNode result = client.post("/api/v1/snapshots/"
          + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/restore",
          "", java.time.Duration.ofSeconds(timeoutSeconds));
      out().println(result.path("message").asText());
      return 0;
    }
  }
}
