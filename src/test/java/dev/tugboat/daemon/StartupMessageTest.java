package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.events.AppPhase;
import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A startup message a container reports reaches the status and the clients of the stream. */
class StartupMessageTest {

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  @Test
  void theMessageIsInTheStatusWhenTheStreamsAreToldToReadIt() throws Exception {
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, new InMemoryRuntime(clock),
        clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      AtomicInteger notices = new AtomicInteger();
      String[] seen = new String[1];
      daemon.app.events().listenStatus(() -> {
        notices.incrementAndGet();
        seen[0] = daemon.app.snapshot().startupMessage();
      });

      daemon.app.startupMessage("Migrating: 40% of the tables", false);

      await().atMost(Duration.ofSeconds(10)).until(() -> notices.get() > 0);
      assertThat(notices).hasValue(1);
      assertThat(seen[0]).isEqualTo("Migrating: 40% of the tables");
    }
  }

  @Test
  void anErrorReportedOnceTheAppStartedIsShownAndStopsNothing() throws Exception {
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, new InMemoryRuntime(clock),
        clock)) {
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> daemon.app.snapshot().state() == AppPhase.STARTED);

      daemon.app.startupMessage("disk 90% full", true);
      daemon.app.heartbeat().get(10, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(daemon.app.snapshot().state()).isEqualTo(AppPhase.STARTED);
      assertThat(daemon.app.snapshot().startupMessage()).isEqualTo("disk 90% full");
      assertThat(daemon.log()).contains("startup message (error): disk 90% full (the app is not"
          + " starting: recorded, not acted on)");
    }
  }

  @Test
  void onlyTheCurrentRunsContainersWithTheirRunsSecretAreAnswered() throws Exception {
    InMemoryRuntime runtime = new InMemoryRuntime(clock);
    try (ControllerUnderTest daemon = new ControllerUnderTest(dir, runtime, clock)) {
      assertThat(daemon.app.integrationRefusal("anything", InetAddress.getByName("172.17.0.2")))
          .isPresent();
      daemon.app.useIntegrationApi("http://172.17.0.1:9880");
      daemon.doAndAwait(() -> daemon.app.start(), textStarting("app started"));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> daemon.app.snapshot().state() == AppPhase.STARTED);
      String url = runtime.createdConfig("tugboat-demo-db-postgres-1").env()
          .get("REPLICATED_INTEGRATIONAPI");
      assertThat(url).matches("http://172\\.17\\.0\\.1:9880/[A-Za-z0-9_-]{32}");
      String secret = url.substring(url.lastIndexOf('/') + 1);
      String db = daemon.app.snapshot().run().container("db/postgres").orElseThrow().address();

      assertThat(daemon.app.integrationRefusal(secret, InetAddress.getByName(db))).isEmpty();
      assertThat(daemon.app.integrationRefusal(secret.substring(1) + "x",
          InetAddress.getByName(db))).isPresent();
      assertThat(daemon.app.integrationRefusal(secret, InetAddress.getByName("172.17.0.99")))
          .hasValue("the call comes from 172.17.0.99, which is none of the current run's"
              + " containers");
    }
  }
}
