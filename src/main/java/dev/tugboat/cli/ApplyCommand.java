package dev.tugboat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tugboat apply NEW_SPEC}: the daemon upgrades the app to a new spec. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Upgrades the app to NEW_SPEC through the daemon: checks it as validate does,"
        + " shows what changes, stops the app in reverse order and starts NEW_SPEC (its"
        + " migrations run; named volumes stay). The spec and settings before it are kept:"
        + " `tugboat rollback` returns to them.",
        "Waits until the new run started (exit 0) or failed (exit 1)."})
public final class ApplyCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "NEW_SPEC", description = "The new spec file.")
  Path spec;

  @Option(names = "--dry-run", description = "Only check NEW_SPEC and show what would change.")
  boolean dryRun;

  @Option(names = "--no-wait", description = "Return once the new run was launched.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long to wait for the new run to start (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    byte[] yaml = read(spec);
    JsonNode result = client.put("/api/v1/spec?dry_run=" + dryRun + "&name="
        + URLEncoder.encode(spec.toString(), StandardCharsets.UTF_8), yaml, "application/yaml");
    UpgradeOutput.print(out(), result);
    if (dryRun || noWait) {
      return 0;
    }
    return UpgradeOutput.await(client, result, Duration.ofSeconds(timeoutSeconds), out(), err());
  }

  private static byte[] read(Path file) throws DaemonClient.ClientException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DaemonClient.ClientException(file + ": no such file", 2);
    } catch (IOException e) {
      throw new DaemonClient.ClientException("cannot read " + file + ": " + e.getMessage(), 2);
    }
  }
}
