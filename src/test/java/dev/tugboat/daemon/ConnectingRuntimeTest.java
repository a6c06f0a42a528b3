package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.runtime.InMemoryRuntime;
import dev.tugboat.runtime.ManualClock;
import dev.tugboat.runtime.RuntimeFailure;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectingRuntimeTest {

  private final InMemoryRuntime engine = new InMemoryRuntime(new ManualClock());
  private final CompletableFuture<InMemoryRuntime> connecting = new CompletableFuture<>();
  private final AtomicInteger socketPings = new AtomicInteger();

  @Test
  void aPingWhileTheClientLoadsIsAnsweredWithoutWaitingForIt() {
    ConnectingRuntime runtime = new ConnectingRuntime(connecting,
        Optional.of(socketPings::incrementAndGet));

    runtime.ping();

    assertThat(socketPings).hasValue(1);
    assertThat(connecting).isNotDone();
  }

  @Test
  void anEngineThatDoesNotAnswerTheSocketPingIsNotCalledReachable() {
    ConnectingRuntime runtime = new ConnectingRuntime(connecting, Optional.of(() -> {
      throw RuntimeFailure.engineUnreachable("unix:///var/run/docker.sock", "refused", null);
    }));

    assertThatThrownBy(runtime::ping).isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("cannot reach Docker");
  }

  @Test
  void onceTheClientIsMadeItPings() {
    ConnectingRuntime runtime = new ConnectingRuntime(connecting,
        Optional.of(socketPings::incrementAndGet));
    connecting.complete(engine);
    engine.stopEngine();

    assertThatThrownBy(runtime::ping).isInstanceOf(RuntimeFailure.class);
    assertThat(socketPings).hasValue(0);
  }
}
