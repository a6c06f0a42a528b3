package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tugboat logs COMPONENT/CONTAINER}: the last lines a container of the app wrote. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Prints the last lines a container of the current run wrote (stdout and stderr).")
public final class LogsCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "COMPONENT/CONTAINER",
      description = "The container as status lists it, e.g. db/postgres.")
  String container;

  @Option(names = "--tail", paramLabel = "N", defaultValue = "200",
      description = "How many lines (default: ${DEFAULT-VALUE}).")
  int tail;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    int slash = container.indexOf('/');
    if (slash <= 0 || slash == container.length() - 1) {
      throw new DaemonClient.ClientException("name the container as COMPONENT/CONTAINER"
          + " (as `tugboat status` lists it), got '" + container + "'", 2);
    }
    JsonNode logs = client.get("/api/v1/containers/" + encode(container.substring(0, slash)) + "/"
        + encode(container.substring(slash + 1)) + "/logs?tail=" + tail);
    logs.path("lines").forEach(line -> out().println(line.asText()));
    return 0;
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
