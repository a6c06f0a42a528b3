package dev.tugboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.AppPhase;
import dev.tugboat.events.ContainerKey;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import dev.tugboat.orchestrator.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code tugboat run} prints never shows a secret. */
class RunConsoleTest {

  private static final String KEY = "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\nZw==\n"
      + "-----END KEY-----";
  private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final RunConsole console = new RunConsole(new PrintStream(bytes, true,
      StandardCharsets.UTF_8), SecretMasker.of(List.of("pg-s3cret", KEY)));

  @Test
  void aFactQuotingASecretIsPrintedMasked() {
    console.say(new JournalEntry(1, AT, "run-1", 0, "", new RunEvent.LaunchFailed(
        new ContainerKey("db", "postgres"), "strconv.Atoi: parsing \"pg-s3cret\": invalid syntax")));

    String time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault())
        .format(AT);
    assertThat(printed()).isEqualTo(time + "  could not start db/postgres: strconv.Atoi: parsing "
        + "\"********\": invalid syntax\n");
  }

  @Test
  void theSummaryMasksTheFailureAndTheLastOutputEvenWhereASecretSpansLines() {
    RunStatus.ContainerStatus web = new RunStatus.ContainerStatus("web/app", "tugboat-web-app-1",
        "c1", "failed", "failed (exit 1)", 1, 0, List.of(), List.of(), "root", "exit 1",
        List.of("password pg-s3cret rejected", "key: -----BEGIN KEY-----",
            "MIIBOgIBAAJBAKj34GkxFhD9", "Zw==", "-----END KEY-----", "Zw=="));
    console.summary(new RunStatus("run-1", "demo", AppPhase.FAILED,
        "web/app failed: login pg-s3cret refused", 9, AT, true, List.of(web), List.of()));

    assertThat(printed()).isEqualTo("""

        demo (run run-1): failed
          web/app failed: login ******** refused
          web/app                                  failed (exit 1)
            last output:
              password ******** rejected
              key: ********
              ********
              ********
              ********
              ********
        """);
  }

  @Test
  void aSecretAddedDuringTheRunIsMaskedFromThenOn() {
    console.addSecrets(List.of("postgres://app:pw@10.0.0.7"));
    console.print("web/app said: connecting to postgres://app:pw@10.0.0.7");

    assertThat(printed()).isEqualTo("web/app said: connecting to ********\n");
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
