package dev.tugboat.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The daemon's own command line ({@code serve}, {@code --config FILE}, {@code --no-start}) read
 * without picocli. Picocli's model of even one command takes a quarter of a second to build on a
 * cold JVM, which systemd, the watchdog and every poller of {@code /healthz} wait for at each start
 * of the service. Anything else ({@code --help}, a mistake) is left to picocli, which explains it.
 */
final class PlainServeArguments {

  private PlainServeArguments() {}

  /** The serve command these arguments ask for; empty when they are not that plain form. */
  static Optional<ServeCommand> parse(String[] args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      return Optional.empty();
    }
    ServeCommand serve = new ServeCommand();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--no-start") && !serve.noStart) {
        serve.noStart = true;
      } else if (arg.equals("--config") && i + 1 < args.length && serve.configFile == null
          && !args[i + 1].startsWith("-") && !args[i + 1].isEmpty()) {
        serve.configFile = Path.of(args[++i]);
      } else if (arg.startsWith("--config=") && arg.length() > "--config=".length()
          && serve.configFile == null) {
        serve.configFile = Path.of(arg.substring("--config=".length()));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(serve);
  }
}
