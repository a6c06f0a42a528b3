package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PauseLogTest {

  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final DaemonLog log = new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
      DaemonConfig.LogFormat.TEXT, new ManualClock());

  @Test
  void saysOnceThatTheRunPausedAndOnceThatItGoesOn() {
    PauseLog pauses = new PauseLog(log, () -> SecretMasker.of(List.of("hunter2")));
    RunStatus running = new RunStatus("run-1", "demo", AppPhase.STARTING, "starting", 3,
        Instant.EPOCH, false, List.of(), List.of());
    RunStatus paused = running.withPaused("cannot write the journal at /state/runs/run-1.jsonl:"
        + " No space left on device (hunter2)");

    pauses.observe(running);
    pauses.observe(paused);
    pauses.observe(paused);
    pauses.observe(running);
    pauses.observe(running);

    assertThat(logged.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "ERROR run run-1 paused: cannot write the journal at /state/runs/run-1.jsonl: No space"
                + " left on device (********)",
            "INFO run run-1 goes on: its journal can be written again");
  }
}
