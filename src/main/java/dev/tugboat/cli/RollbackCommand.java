package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat rollback}: back to the spec and settings in use before the last apply. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {"Stops the app and starts the spec in use before the last apply, with the"
        + " settings it had; a second rollback returns to the spec left. With --data, the"
        + " app's data too, as it was before the last apply's migration.",
        "Waits until the run started (exit 0) or failed (exit 1)."})
public final class RollbackCommand extends ClientCommand {

  @Option(names = "--data", description = "Also put the app's data back as it was before the"
      + " last apply ran the new version (the snapshot apply took then; its archives are checked"
      + " before anything stops).")
  boolean data;

  @Option(names = "--no-wait", description = "Return once the run was launched.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
      description = "How long to wait, in seconds, for the daemon's answer (with --data it"
          + " restores the snapshot first, as long as its size needs) and then for the run to"
          + " start (default: ${DEFAULT-VALUE}); the daemon goes on either way.")
  long timeoutSeconds;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    JsonNode result = client.post("/api/v1/app/rollback" + (data ? "?data=true" : ""), "",
        Duration.ofSeconds(Math.max(600, timeoutSeconds)));
    UpgradeOutput.print(out(), result);
    if (noWait) {
      return 0;
    }
    return UpgradeOutput.await(client, result, Duration.ofSeconds(timeoutSeconds), out(), err());
  }
}
