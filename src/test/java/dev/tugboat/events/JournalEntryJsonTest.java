package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's entries are a saved format: they must survive a JSON round trip unchanged. */
class JournalEntryJsonTest {

  private final JournalCodec json = new JournalCodec();

  private static final ContainerKey DB = ContainerKey.parse("db/postgres");
  private static final Instant AT = Instant.parse("2026-11-22T02:30:00.123Z");
  private static final RunInputDigests INPUTS = new RunInputDigests("sha256:" + "a".repeat(64),
      "sha256:" + "b".repeat(64), "0.1.0");

  @Test
  void eventsAndDecisionsRoundTrip() throws Exception {
    List<JournalRecord> records = List.of(
        new RunEvent.StartRequested(),
        new RunEvent.StartRequested(INPUTS),
        new RunEvent.ContainerStarted(DB, "abc", AT, "172.17.0.2",
            List.of(new BoundPort(5432, "tcp", "0.0.0.0", 5432))),
        new RunEvent.ContainerExited("abc", 3, AT),
        new RunEvent.ProbeResult("pg", ProbeOutcome.pending("refused")),
        new Decision.Launch(DB, "no event subscribes to it"),
        new Decision.Fire("pg", DB, "port-listen 5432", Duration.ofMillis(1200), List.of(DB), "ok"),
        new Decision.ChangeApp(AppPhase.FAILED, "db/postgres exited", "exit"));
    long sequence = 1;
    for (JournalRecord record : records) {
      JournalEntry entry = new JournalEntry(sequence++, AT, "run-1", 0, "cause", record);
      String text = json.encode(entry);

      assertThat(json.decode(text)).isEqualTo(entry);
    }
  }

  @Test
  void recordsAreTaggedWithTheirSavedName() throws Exception {
    JournalEntry entry = new JournalEntry(7, AT, "run-1", 3, "\"pg\" fired",
        new Decision.Launch(DB, "\"pg\" fired"));

    assertThat(json.encode(entry)).isEqualTo(
        "{\"sequence\":7,\"time\":\"2026-11-22T02:30:00.123Z\",\"runId\":\"run-1\",\"causedBy\":3,"
            + "\"cause\":\"\\\"pg\\\" fired\",\"record\":{\"type\":\"launch\",\"container\":"
            + "{\"component\":\"db\",\"container\":\"postgres\"},\"cause\":\"\\\"pg\\\" fired\"}}");
  }

  @Test
  void aStartRecordsTheSpecAndSettingsItRunsWithAndTugboatsVersion() throws Exception {
    JournalEntry entry = new JournalEntry(1, AT, "run-1", 0, "operator",
        new RunEvent.StartRequested(INPUTS));

    assertThat(json.encode(entry)).isEqualTo(
        "{\"sequence\":1,\"time\":\"2026-11-22T02:30:00.123Z\",\"runId\":\"run-1\","
            + "\"causedBy\":0,\"cause\":\"operator\",\"record\":{\"type\":\"start-requested\","
            + "\"inputs\":{\"spec\":\"sha256:" + "a".repeat(64) + "\",\"settings\":\"sha256:"
            + "b".repeat(64) + "\",\"tugboat\":\"0.1.0\"}}}");
  }

  @Test
  void aStartFromBeforeInputsWereRecordedReadsBackWithoutThem() throws Exception {
    String written = "{\"sequence\":1,\"time\":\"2026-11-22T02:30:00.123Z\",\"runId\":\"run-1\","
        + "\"causedBy\":0,\"cause\":\"operator\",\"record\":{\"type\":\"start-requested\"}}";

    JournalEntry entry = json.decode(written);

    assertThat(entry.record()).isEqualTo(new RunEvent.StartRequested());
    assertThat(((RunEvent.StartRequested) entry.record()).recorded()).isEmpty();
    assertThat(json.encode(entry)).as("a start without inputs is written as before")
        .isEqualTo(written);
  }
}
