package dev.tugboat.cli;

import dev.tugboat.daemon.Daemon;
import dev.tugboat.daemon.DaemonConfig;
import dev.tugboat.daemon.DaemonConfigException;
import dev.tugboat.daemon.DaemonConfigReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tugboat serve}: the daemon (under systemd: config/tugboat.service). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Runs the daemon: the HTTP API, the dashboard and the app.",
    description = {
      "Runs the daemon: serves the HTTP API and dashboard and brings the app up. SIGTERM ends the",
      "daemon but leaves the app's containers running; `tugboat stop` stops the app.",
      "Exit code 2 when the daemon config is wrong, 1 when it cannot listen or write its state."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "The daemon config (default: " + DaemonConfig.DEFAULT_FILE + "; when that file"
          + " is missing, every key has its default).")
  Path configFile;

  @Option(names = "--no-start", description = "Serve the API without starting the app.")
  boolean noStart;

  @Override
  public Integer call() throws Exception {
    DaemonConfig config;
    try {
      config = DaemonConfigReader.read(
          configFile == null ? Path.of(DaemonConfig.DEFAULT_FILE) : configFile,
          configFile != null, warning -> System.out.println("WARN " + warning));
    } catch (DaemonConfigException e) {
      System.err.println("tugboat serve: " + e.getMessage());
      return 2;
    }
    return new Daemon(config, System.out).serve(!noStart);
  }
}
