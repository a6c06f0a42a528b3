package dev.tugboat.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.testing.BuiltJar;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat serve} from the built jar as systemd starts a unit of {@code Type=notify} with a
 * watchdog: {@code $NOTIFY_SOCKET} (here a socket of the test's, in the abstract namespace) and
 * {@code $WATCHDOG_USEC}. The jar carries JNA and its native library, unpacked where {@code
 * jna.tmpdir} says, as the unit sets it.
 */
class SystemdNotifyIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void saysReadyThenPingsTheWatchdogWhileItAnswersAndStoppingOnSigterm() throws Exception {
    int port = freePort();
    Path config = Files.writeString(dir.resolve("tugboat.yml"), "listen: 127.0.0.1:" + port
        + "\nstate_dir: " + dir.resolve("state") + "\nintegration_port: " + freePort() + "\n");
    String socket = "@tugboat-test/notify/" + UUID.randomUUID();
    List<String> received = new ArrayList<>();
    try (UnixDatagramReceiver systemd = UnixDatagramReceiver.bind(socket)) {
      ProcessBuilder serve = new ProcessBuilder("java",
          "-Djna.tmpdir=" + dir.resolve("jna"), "-jar", BuiltJar.path(),
          "serve", "--config", config.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
      serve.environment().put("NOTIFY_SOCKET", socket);
      serve.environment().put("WATCHDOG_USEC", "1000000");
      Process daemon = serve.start();
      try {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
          systemd.poll().ifPresent(received::add);
          return received.stream().filter("WATCHDOG=1"::equals).count() >= 3
              && received.stream().anyMatch(message -> message.startsWith("READY=1"));
        });
        daemon.destroy();
        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        daemon.destroyForcibly();
      }
      systemd.poll().ifPresent(received::add);
      while (received.size() < 100 && systemd.poll().map(received::add).orElse(false)) {
        // what was sent until the exit
      }
    }
    String log = Files.readString(dir.resolve("daemon.log"));
    assertThat(received).as(log).contains("READY=1\nSTATUS=API on http://127.0.0.1:" + port
        + "; no app is configured");
    assertThat(received.get(received.size() - 1)).as(log)
        .isEqualTo("STOPPING=1\nSTATUS=stopping the daemon; the app's containers keep running");
    assertThat(log).contains("systemd's watchdog is pinged every 500 ms while the daemon answers")
        .doesNotContain("cannot notify systemd");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
