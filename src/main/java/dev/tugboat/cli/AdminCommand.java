package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tugboat admin ALIAS ARGS...}: runs one of the spec's admin_commands in its container. */
@Command(name = "admin", mixinStandardHelpOptions = true,
    header = "Runs an admin command of the spec in its container.",
    description = {"Runs an admin command of the app's spec (admin_commands) in its container,",
        "with ARGS appended; prints its output and ends with its exit code. Put -- before",
        "arguments that start with a dash: tugboat admin psql -- -c 'select 1'."})
public final class AdminCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "ALIAS", description = "The command's alias in the spec.")
  String alias;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments to append.")
  List<String> args = new ArrayList<>();

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    // The daemon answers when the command ends or its timeout (the spec's) passes; this wait is
    // only for a daemon that never answers, so it must not end a long command first.
    JsonNode result = client.post("/api/v1/admin/" + LogsCommand.encode(alias),
        DaemonClient.json(Map.of("args", args)), Duration.ofDays(1));
    out().print(result.path("output").asText());
    return result.path("exit_code").asInt();
  }
}
