package dev.tugboat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a client command finds the daemon: its config file gives the address and the token's path. */
final class DaemonOptions {

  @Option(names = "--config", paramLabel = "FILE", description = {
      "The daemon config, for the API address (listen) and the token (<state_dir>/token)",
      "(default: /etc/tugboat/tugboat.yml; when missing, 127.0.0.1:8800 and /var/lib/tugboat)."})
  Path configFile;

  DaemonClient client() throws DaemonClient.ClientException {
    return DaemonClient.of(configFile);
  }
}
