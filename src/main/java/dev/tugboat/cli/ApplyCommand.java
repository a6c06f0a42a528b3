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
        "With --bundle FILE the daemon first verifies the bundle (nothing is loaded when any part"
            + " differs from its manifest or it carries another app), loads its images, then"
            + " applies its spec; with --dry-run it only verifies and shows the changes.",
        "Waits until the new run started (exit 0) or failed (exit 1)."})
public final class ApplyCommand extends ClientCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "NEW_SPEC",
      description = "The new spec file.")
  Path spec;

  @Option(names = "--bundle", paramLabel = "FILE",
      description = "Upgrade from a bundle (tugboat bundle create): the daemon verifies every"
          + " part, loads its images, then applies its spec as NEW_SPEC would be.")
  Path bundle;

  @Option(names = "--dry-run", description = "Only check NEW_SPEC and show what would change.")
  boolean dryRun;

  @Option(names = "--no-wait", description = "Return once the new run was launched.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
      description = "How long to wait, in seconds, for the daemon's answer (it snapshots the"
          + " app's data first, as long as its size needs) and then for the new run to start"
          + " (default: ${DEFAULT-VALUE}); the daemon goes on with the upgrade either way.")
  long timeoutSeconds;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    if ((spec == null) == (bundle == null)) {
      throw new DaemonClient.ClientException("give either NEW_SPEC or --bundle FILE", 2);
    }
    if (bundle != null) {
      return applyBundle(client);
    }
    byte[] yaml = read(spec);
    JsonNode result = client.put("/api/v1/spec?dry_run=" + dryRun + "&name="
        + URLEncoder.encode(spec.toString(), StandardCharsets.UTF_8), yaml, "application/yaml",
        Duration.ofSeconds(timeoutSeconds));
    UpgradeOutput.print(out(), result);
    if (dryRun || noWait) {
      return 0;
    }
    return UpgradeOutput.await(client, result, Duration.ofSeconds(timeoutSeconds), out(), err());
  }

  /** Uploads the bundle; the daemon answers once it verified it and loaded its images. */
  private int applyBundle(DaemonClient client) throws DaemonClient.ClientException {
    if (!Files.isRegularFile(bundle)) {
      throw new DaemonClient.ClientException(bundle + ": no such file", 2);
    }
    JsonNode result = client.upload("/api/v1/bundle?dry_run=" + dryRun + "&name="
        + URLEncoder.encode(bundle.getFileName().toString(), StandardCharsets.UTF_8), bundle,
        new ProgressLines(err()), Duration.ofSeconds(timeoutSeconds).plus(Duration.ofHours(1)));
    out().println(result.path("message").asText() + " (" + result.path("app").asText() + " "
        + result.path("version").asText() + ", made by Tugboat "
        + result.path("tugboat_version").asText() + ")");
    JsonNode apply = result.path("apply");
    UpgradeOutput.print(out(), apply);
    if (dryRun || noWait) {
      return 0;
    }
    return UpgradeOutput.await(client, apply, Duration.ofSeconds(timeoutSeconds), out(), err());
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
