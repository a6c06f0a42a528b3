package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/**
 * {@code tugboat start|stop|restart}: ask the daemon. Each prints what happened and waits until
 * the daemon has done it (stop: the containers stopped; start and restart: the run was launched),
 * following the status when the daemon answered that the command goes on (202).
 */
final class AppControlCommands {

  private AppControlCommands() {}

  static int control(ClientCommand command, DaemonClient client, String action)
      throws DaemonClient.ClientException {
    String before = client.get("/api/v1/status").path("run_id").asText("");
    JsonNode result = client.post("/api/v1/app/" + action, "");
    command.out().println(result.path("message").asText() + " (app "
        + result.path("state").asText() + ")");
    if (!result.path("under_way").asBoolean(false)) {
      return 0;
    }
    command.out().flush();
    if (action.equals("stop")) {
      JsonNode status = ControlFollower.untilStopped(client, before);
      command.out().println("stopped (app " + status.path("state").asText() + ")");
      return 0;
    }
    JsonNode status = ControlFollower.untilRestarted(client, before);
    if (status.path("failure").path("kind").asText("").endsWith("_refused")) {
      command.err().println("the app could not start: " + status.path("message").asText());
      return 1;
    }
    command.out().println("started run " + status.path("run_id").asText() + " (app "
        + status.path("state").asText() + ")");
    return 0;
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts the app through the daemon (see `tugboat status` for its progress).")
  public static final class Start extends ClientCommand {
    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      return control(this, client, "start");
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stops the app's containers in reverse order; the daemon keeps running.")
  public static final class Stop extends ClientCommand {
    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      return control(this, client, "stop");
    }
  }

  @Command(name = "restart", mixinStandardHelpOptions = true,
      description = "Stops the app, reloads its spec and config values, and starts it again.")
  public static final class Restart extends ClientCommand {
    @Override
    int run(DaemonClient client) throws DaemonClient.ClientException {
      return control(this, client, "restart");
    }
  }
}
