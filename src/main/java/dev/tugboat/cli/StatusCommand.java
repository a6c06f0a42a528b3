package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat status}: the app's state and every container's, from the daemon. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Shows the app's state and each container's, as the running daemon knows it.",
        "Exit code 0 when the daemon answered, 3 when it is not running."})
public final class StatusCommand extends ClientCommand {

  @Option(names = "--json", description = "Print the daemon's JSON (GET /api/v1/status).")
  boolean json;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    JsonNode status = client.get("/api/v1/status");
    out().print(json ? status.toPrettyString() + "\n" : StatusText.render(status));
    if (!json) {
      // a spec without a license is common: say nothing of one that was never installed
      JsonNode license = client.get("/api/v1/license");
      if (license.path("installed").asBoolean() || !license.path("error").asText("").isEmpty()) {
        out().println(LicenseText.summary(license));
      }
      client.console().ifPresent(out()::println);
    }
    return 0;
  }
}
