package dev.tugboat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a client command finds on a host with a daemon: its config file and its API token. */
final class ClientConfig {

  private ClientConfig() {}

  /**
   * Writes, under {@code dir}, a daemon config listening on loopback at {@code port} with its
   * state directory holding the token {@code tok}; returns the config's path.
   */
  static String forDaemonAt(Path dir, int port) throws IOException {
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/token"), "tok\n");
    Path file = dir.resolve("tugboat.yml");
    Files.writeString(file, "listen: 127.0.0.1:" + port + "\nstate_dir: state\n");
    return file.toString();
  }
}
