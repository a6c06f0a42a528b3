package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.api.ApiLimits;
import dev.tugboat.api.ApiServer;
import dev.tugboat.api.FakeApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tugboat events --follow} over a restart of the daemon: the daemon after its restart
 * lists the same events with the same ids, and the command prints each event once.
 */
class EventsFollowTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void followingWaitsForARestartedDaemonAndPrintsEachEventOnce() throws Exception {
    FakeApp before = new FakeApp();
    before.events.append(event(1, "started db/postgres"));
    before.events.append(event(2, "started app/web"));
    ApiServer first = serve(before, 0);
    int port = first.address().getPort();
    String config = config(port);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exitCode = {-1};
    Thread follower = new Thread(() -> exitCode[0] = run(out, err,
        "events", "--follow", "--config", config));
    follower.start();
    ApiServer second = null;
    try {
      await().atMost(WAIT).until(() -> out.toString().lines().count() == 2);

      first.close();
      await().atMost(WAIT).until(() -> err.toString().contains("waiting for it"));
      FakeApp after = new FakeApp();
      after.events.append(event(1, "started db/postgres"));
      after.events.append(event(2, "started app/web"));
      second = serve(after, port);
      after.events.append(event(3, "Tugboat restarted: found db/postgres running"));
      await().atMost(WAIT).until(() -> out.toString().lines().count() == 3);
    } finally {
      follower.interrupt();
      follower.join(WAIT.toMillis());
      if (second != null) {
        second.close();
      }
    }

    assertThat(out.toString()).isEqualTo("""
        1970-01-01T00:00:00Z  started db/postgres
        1970-01-01T00:00:00Z  started app/web
        1970-01-01T00:00:00Z  Tugboat restarted: found db/postgres running
        """);
    assertThat(err.toString()).startsWith("tugboat events: the daemon ")
        .contains("; waiting for it, to go on after event 2\n"
            + "tugboat events: the daemon answers again\n");
    assertThat(exitCode[0]).isEqualTo(130);
  }

  private static ApiEvent event(long id, String text) {
    return new ApiEvent(id, Instant.EPOCH, "run-1", "ContainerStarted", text, "runtime");
  }

  private static ApiServer serve(FakeApp app, int port) throws Exception {
    return ApiServer.start(new InetSocketAddress("127.0.0.1", port), app, "tok",
        ApiLimits.defaults(), 1);
  }

  private String config(int port) throws Exception {
    return ClientConfig.forDaemonAt(dir, port);
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine commandLine = TugboatCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
