package dev.tugboat.daemon;

import static dev.tugboat.daemon.ControllerUnderTest.textStarting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import java.nio.file.Path;
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

      assertThat(notices).hasValue(1);
      assertThat(seen[0]).isEqualTo("Migrating: 40% of the tables");
    }
  }
}
