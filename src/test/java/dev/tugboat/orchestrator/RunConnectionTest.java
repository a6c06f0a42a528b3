package dev.tugboat.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run listens to Docker's events through one subscription, and a closed run through none: a
 * daemon that replaces runs for years must not keep a stream (a thread and a connection to the
 * engine) for each run that ended.
 */
class RunConnectionTest {

  @Test
  void aRunHoldsOneEventStreamAndAClosedRunNone() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    assertThat(run.runtime.openEventStreams()).isEqualTo(1);

    run.stop().advance(Duration.ofSeconds(30));
    run.run.close();

    assertThat(run.runtime.openEventStreams()).isZero();
  }

  @Test
  void aStreamLostAndRegainedIsOneStreamNotTwo() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.stopEngine();
    run.advance(Duration.ofSeconds(5));
    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(11));

    assertThat(run.runtime.openEventStreams()).isEqualTo(1);
  }

  @Test
  void aRunClosedWhileAWorkerIsAboutToSubscribeAgainLeavesNoStreamOpen() {
    LoopHarness run = LoopHarness.migration().start().advance(Duration.ofSeconds(10));
    run.runtime.stopEngine(); // the stream ends; the first attempt to subscribe again fails
    run.run.loop().drain();
    run.holdWork();
    run.runtime.startEngine();
    run.advance(Duration.ofSeconds(1)); // the next attempt is due: a worker has it, not done yet

    run.run.close(); // the run is replaced meanwhile
    run.releaseWork();

    assertThat(run.runtime.openEventStreams()).isZero();
  }
}
