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

  @Test
  void aSecretTheAppWroteJsonEscapedInItsOutputIsMaskedInStatus() {
    String password = "p\"w\\x\nyö";
    RunStatus.ContainerStatus app = new RunStatus.ContainerStatus("app/web", "tugboat-app-web-1",
        "c1", "failed", "failed (exit 1)", 1, 0, List.of(), List.of(), "root",
        "exit 1", List.of("{\"level\":\"error\",\"dsn\":\"postgres://app:p\\\"w\\\\x\\nyö@db\"}"));
    RunStatus status = new RunStatus("run-1", "demo", AppPhase.FAILED, "app/web failed", 3,
        Instant.parse("2026-01-01T00:00:00Z"), false, List.of(app), List.of());

    RunStatus masked = MaskedStatus.of(status, SecretMasker.of(List.of(password)));

    assertThat(masked.containers().get(0).lastOutput())
        .containsExactly("{\"level\":\"error\",\"dsn\":\"postgres://app:********@db\"}");
  }

  @Test
  void aKeyThatSpansLinesOfTheLastOutputIsMaskedOnEachLine() {
    RunStatus.ContainerStatus app = new RunStatus.ContainerStatus("app/web", "tugboat-app-web-1",
        "c1", "failed", "failed (exit 1)", 1, 0, List.of(), List.of(), "root", "exit 1",
        List.of("ok", "loaded abcdef", "ok", "xyz123", "ok"));
    RunStatus status = new RunStatus("run-1", "demo", AppPhase.FAILED, "app/web failed", 3,
        Instant.parse("2026-01-01T00:00:00Z"), false, List.of(app), List.of());

    RunStatus masked = MaskedStatus.of(status, SecretMasker.of(List.of("abcdef\nok\nxyz123")));

    assertThat(masked.containers().get(0).lastOutput())
        .containsExactly("ok", "loaded ********", "********", "********", "ok");
  }
}
