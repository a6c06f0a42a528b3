package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedStatusTest {

  @Test
  void theReadyCheckIsMaskedLikeEveryOtherText() {
    RunStatus status = new RunStatus("run-1", "demo", AppPhase.STARTING, "checking", 3,
        Instant.parse("2026-01-01T00:00:00Z"), false, List.of(), List.of(),
        new RunStatus.ReadyStatus("checking", "http_status_code http://app:pw-123@10.0.0.5/ 200",
            "http://app:pw-123@10.0.0.5/ answered 503, not 200"), false, "");

    RunStatus masked = MaskedStatus.of(status, SecretMasker.of(List.of("pw-123")));

    assertThat(masked.ready()).isEqualTo(new RunStatus.ReadyStatus("checking",
        "http_status_code http://app:********@10.0.0.5/ 200",
        "http://app:********@10.0.0.5/ answered 503, not 200"));
  }
}
