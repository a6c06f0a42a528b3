package dev.tugboat.cli;

import dev.tugboat.files.ByteSizes;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat support-bundle}: the daemon's support bundle, saved to a file. */
@Command(name = "support-bundle", mixinStandardHelpOptions = true,
    description = {"Saves a support bundle: one .tar.gz with the app's status, events, each"
        + " container's inspect and last output, the daemon's log, Docker's info and version,"
        + " host facts, preflight results, the spec and the settings, secrets masked"
        + " (GET /api/v1/support-bundle). Send it to the app's vendor.",
        "Written to FILE, or to the daemon's name for it (app and time) in this directory."})
public final class SupportBundleCommand extends ClientCommand {

  // the daemon gives itself 40 s to make one; sending a large one takes a while more
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to write the bundle (default: the name the daemon gives it, in the"
          + " current directory).")
  Path output;

  @Override
  int run(DaemonClient client) throws DaemonClient.ClientException {
    DaemonClient.Download saved = client.download("/api/v1/support-bundle",
        offered -> output != null ? output : Path.of(offered), TIMEOUT);
    out().println("wrote " + saved.file() + " (" + size(saved.size()) + ")");
    return 0;
  }

  /** Exact bytes too: the support engineer on the other end checks the file arrived whole. */
  static String size(long bytes) {
    return bytes < 1024 ? bytes + " bytes" : ByteSizes.of(bytes) + ", " + bytes + " bytes";
  }

}
