package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JournalCodecTest {

  private final JournalCodec codec = new JournalCodec();

  @Test
  void everyRecordTypeHasASample() {
    List<Class<?>> permitted = Stream.of(RunEvent.class, Decision.class)
        .flatMap(type -> Arrays.stream(type.getPermittedSubclasses()))
        .toList();

    assertThat(JournalSamples.byClass().keySet())
        .as("add a sample of each new record to JournalSamples")
        .containsExactlyInAnyOrderElementsOf(permitted);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordTypeRoundTrips() {
    return JournalSamples.entries("20261122-023512-9f3a").stream()
        .map(entry -> DynamicTest.dynamicTest(entry.record().getClass().getSimpleName(), () -> {
          String line = codec.encode(entry);

          assertThat(line).doesNotContain("\n");
          assertThat(codec.decode(line)).isEqualTo(entry);
        }));
  }

  @Test
  void timesAndDurationsAreIsoText() {
    JournalEntry entry = new JournalEntry(4, JournalSamples.AT, "r1", 2, "back off",
        new Decision.ScheduleRestart(JournalSamples.APP, java.time.Duration.ofMillis(50), "back off"));

    assertThat(codec.encode(entry)).isEqualTo("{\"sequence\":4,\"time\":"
        + "\"2026-11-22T02:30:00.123456789Z\",\"runId\":\"r1\",\"causedBy\":2,\"cause\":\"back off\","
        + "\"record\":{\"type\":\"schedule-restart\",\"container\":{\"component\":\"app\","
        + "\"container\":\"web\"},\"delay\":\"PT0.05S\",\"cause\":\"back off\"}}");
  }

  @Test
  void anInstanceOfAContainerWithSeveralIsWrittenWithItsNumberAndReadBack() throws Exception {
    ContainerKey second = ContainerKey.parse("db/cassandra#2");
    JournalEntry entry = new JournalEntry(5, JournalSamples.AT, "r1", 2, "policy",
        new Decision.Launch(second, "policy"));

    String line = codec.encode(entry);

    assertThat(line).contains("\"container\":{\"component\":\"db\",\"container\":\"cassandra\","
        + "\"instance\":2}");
    assertThat(codec.decode(line)).isEqualTo(entry);
    assertThat(second.whole()).isEqualTo(ContainerKey.parse("db/cassandra"));
    assertThat(second).hasToString("db/cassandra#2");
  }

  @Test
  void aLineWrittenBeforeInstancesExistedReadsAsTheContainersOnlyInstance() throws Exception {
    String line = "{\"sequence\":4,\"time\":\"2026-11-22T02:30:00.123456789Z\",\"runId\":\"r1\","
        + "\"causedBy\":2,\"cause\":\"go\",\"record\":{\"type\":\"launch\",\"container\":"
        + "{\"component\":\"app\",\"container\":\"web\"},\"cause\":\"go\"}}";

    assertThat(codec.decode(line).record())
        .isEqualTo(new Decision.Launch(new ContainerKey("app", "web"), "go"));
  }

  @Test
  void aStartWrittenBeforeItListedEarlierRunsReadsAsOneThatFoundNone() throws Exception {
    String line = "{\"sequence\":1,\"time\":\"2026-11-22T02:30:00Z\",\"runId\":\"r1\","
        + "\"causedBy\":0,\"cause\":\"operator\",\"record\":{\"type\":\"start-requested\"}}";

    assertThat(codec.decode(line).record()).isEqualTo(new RunEvent.StartRequested(List.of()));
  }

  @Test
  void anUnknownPropertyIsANewerFormat() {
    String line = codec.encode(JournalSamples.entries("r1").get(0)).replace("{\"sequence\"",
        "{\"epoch\":2,\"sequence\"");

    assertThatThrownBy(() -> codec.decode(line))
        .isInstanceOfSatisfying(JournalCodec.UnreadableLine.class,
            e -> assertThat(e.newerFormat()).isTrue())
        .hasMessageStartingWith("Unrecognized field \"epoch\"");
  }

  @Test
  void anUnknownRecordTypeIsANewerFormat() {
    String line = "{\"sequence\":1,\"time\":\"2026-11-22T02:30:00Z\",\"runId\":\"r1\","
        + "\"causedBy\":0,\"cause\":\"c\",\"record\":{\"type\":\"containers-observed\"}}";

    assertThatThrownBy(() -> codec.decode(line))
        .isInstanceOfSatisfying(JournalCodec.UnreadableLine.class,
            e -> assertThat(e.newerFormat()).isTrue())
        .hasMessageContaining("containers-observed");
  }

  @Test
  void brokenTextIsDamageNotAFormat() {
    String line = codec.encode(JournalSamples.entries("r1").get(3));

    for (String broken : List.of(line.substring(0, line.length() / 2), line + "}", "", "garbage",
        "{\"sequence\":1}")) {
      assertThatThrownBy(() -> codec.decode(broken))
          .as(broken)
          .isInstanceOfSatisfying(JournalCodec.UnreadableLine.class,
              e -> assertThat(e.newerFormat()).isFalse());
    }
  }
}
