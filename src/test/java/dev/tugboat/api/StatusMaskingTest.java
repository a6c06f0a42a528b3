package dev.tugboat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.orchestrator.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every text of the status body is masked where the body is made, whatever field holds it. */
class StatusMaskingTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void everyTextFieldOfTheStatusIsMasked() {
    RunStatus run = new RunStatus("run-1", "demo", AppPhase.STARTING, "checking pw-123", 3, T0,
        false, List.of(container(List.of("connecting with pw-123"))), List.of(
            new RunStatus.EventStatus("db ready", "db/postgres", "exec psql -W pw-123", false,
                null, "psql -W pw-123 exited 2", "")),
        new RunStatus.ReadyStatus("checking", "http_status_code http://app:pw-123@10.0.0.5/ 200",
            "http://app:pw-123@10.0.0.5/ answered 503, not 200"), false, "");
    AppSnapshot snapshot = new AppSnapshot("demo", "1", AppPhase.FAILED, "failed: pw-123",
        new AppFailure(AppFailure.Kind.STARTUP_ERROR, "startup failed: pw-123"),
        "Migrating with pw-123", T0, run);

    String body = body(snapshot, Map.of("checks", List.of(Map.of("message", "pw-123 seen"))),
        SecretMasker.of(List.of("pw-123")));

    assertThat(body).doesNotContain("pw-123").contains("http://app:********@10.0.0.5/")
        .contains("\"startup_message\":\"Migrating with ********\"")
        .contains("\"failure\":{\"kind\":\"startup_error\",\"message\":\"startup failed: ********\"}")
        .contains("\"message\":\"******** seen\"");
  }

  @Test
  void aSecretTheAppWroteJsonEscapedInItsOutputIsMasked() {
    String password = "p\"w\\x\nyö";
    String body = body(withOutput(List.of(
        "{\"level\":\"error\",\"dsn\":\"postgres://app:p\\\"w\\\\x\\nyö@db\"}")), null,
        SecretMasker.of(List.of(password)));

    assertThat(body).contains("postgres://app:********@db");
  }

  @Test
  void aSecretThatSpansLinesOfTheLastOutputIsMaskedOnEachLine() {
    String body = body(withOutput(List.of("ok", "loaded abcdef", "ok", "xyz123", "ok")), null,
        SecretMasker.of(List.of("abcdef\nok\nxyz123")));

    assertThat(body).contains(
        "\"last_output\":[\"ok\",\"loaded ********\",\"********\",\"********\",\"ok\"]");
  }

  @Test
  void aNewSecretMakesANewBodyForTheSameSnapshot() {
    AppSnapshot snapshot = withOutput(List.of("token s3cret-value"));
    SecretMasker[] masker = {SecretMasker.of(List.of())};
    StatusJson json = new StatusJson(() -> snapshot, () -> null, () -> masker[0]);
    assertThat(text(json.body())).contains("s3cret-value");

    masker[0] = SecretMasker.of(List.of("s3cret-value"));

    assertThat(text(json.body())).doesNotContain("s3cret-value");
    json.close();
  }

  private static AppSnapshot withOutput(List<String> output) {
    RunStatus run = new RunStatus("run-1", "demo", AppPhase.FAILED, "app/web failed", 3, T0,
        false, List.of(container(output)), List.of());
    return new AppSnapshot("demo", "1", AppPhase.FAILED, "app/web failed", null, "", T0, run);
  }

  private static RunStatus.ContainerStatus container(List<String> output) {
    return new RunStatus.ContainerStatus("app/web", "tugboat-app-web-1", "c1", "failed",
        "failed (exit 1)", 1, 0, List.of(), List.of(), "root", "exit 1", output);
  }

  private static String body(AppSnapshot snapshot, Object preflight, SecretMasker masker) {
    StatusJson json = new StatusJson(() -> snapshot, () -> preflight, () -> masker);
    try {
      return text(json.body());
    } finally {
      json.close();
    }
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
