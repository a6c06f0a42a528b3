package dev.tugboat.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the state directory keeps that must never leave the host: the API token, the Integration
 * API key and the console's TLS private key (the daemon's own or the operator's). No part of a
 * support bundle reads these files; their contents join the bundle's masker all the same, so a
 * value that reached a log line or a container's env is hidden too. A PEM key is masked whole and
 * line by line: a log may show part of it.
 */
final class SupportStateSecrets {

  private SupportStateSecrets() {}

  static List<String> of(DaemonConfig daemon) {
    List<String> secrets = new ArrayList<>();
    read(daemon.tokenFile()).ifPresent(secrets::add);
    read(daemon.stateDir().resolve(IntegrationSecrets.FILE)).ifPresent(secrets::add);
    List<Path> keys = new ArrayList<>(List.of(daemon.stateDir().resolve("tls").resolve("key.pem")));
    if (daemon.tls() instanceof ConsoleTlsSetting.OperatorFiles files) {
      keys.add(files.keyFile());
    }
    for (Path key : keys) {
      read(key).ifPresent(pem -> {
        secrets.add(pem);
        pem.lines().map(String::strip).filter(line -> !line.startsWith("-----"))
            .filter(line -> line.length() >= 16).forEach(secrets::add);
      });
    }
    return secrets;
  }

  private static Optional<String> read(Path file) {
    try {
      String text = Files.readString(file).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
