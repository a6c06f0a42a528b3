package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.ApiEvent;
import dev.tugboat.api.AppRefusal;
import dev.tugboat.api.EventLog;
import dev.tugboat.config.SecretMasker;
import dev.tugboat.events.FileJournal;
import dev.tugboat.events.JournalEntry;
import dev.tugboat.events.RunEvent;
import dev.tugboat.runtime.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event list read back from journals: offsets kept, numbered when missing, rotation. */
class EventFeedTest {

  @TempDir Path state;
  private final ManualClock clock = new ManualClock();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final DaemonLog log = new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
      DaemonConfig.LogFormat.TEXT, clock);

  @Test
  void journalsWithoutOffsetsAreNumberedInRunOrderAndTheOffsetsWrittenDown() throws Exception {
    writeRun("20260101-000000.000-aaaa", 3);
    writeRun("20260101-000001.000-bbbb", 2);

    EventFeed feed = feed(new EventLog(100));
    feed.load();

    assertThat(feed.offsets()).isEqualTo(Map.of("20260101-000000.000-aaaa", 0L,
        "20260101-000001.000-bbbb", 3L));
    assertThat(feed(new EventLog(100)).offsets()).isEmpty();
    EventLog again = new EventLog(100);
    feed(again).load();
    assertThat(again.after(0, 100)).extracting(ApiEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(again.after(0, 100)).extracting(ApiEvent::text)
        .containsExactly("stop requested: step 1", "stop requested: step 2",
            "stop requested: step 3", "stop requested: step 1", "stop requested: step 2");
  }

  @Test
  void runsLeftAfterRotationKeepTheirIdsAndANewRunNumbersAfterThem() throws Exception {
    writeRun("20260101-000000.000-aaaa", 3);
    writeRun("20260101-000001.000-bbbb", 2);
    feed(new EventLog(100)).load();
    Files.delete(state.resolve("runs/20260101-000000.000-aaaa.jsonl"));

    EventLog events = new EventLog(100);
    EventFeed feed = feed(events);
    feed.load();
    long offset = feed.begin("20260101-000002.000-cccc");

    assertThat(events.after(0, 100)).extracting(ApiEvent::id).containsExactly(4L, 5L);
    assertThat(events.oldestId()).isEqualTo(4);
    assertThat(offset).isEqualTo(5);
    assertThat(Files.readString(state.resolve("event-ids.json")))
        .contains("\"run_id\" : \"20260101-000002.000-cccc\",\n    \"offset\" : 5");
  }

  @Test
  void aJournalThatCannotBeReadCountsAsFarAsItsSizeSoLaterIdsStayAbove() throws Exception {
    writeRun("20260101-000000.000-aaaa", 2);
    writeRun("20260101-000001.000-bbbb", 1);
    Path newer = state.resolve("runs/20260101-000001.000-bbbb.jsonl");
    Files.writeString(newer, Files.readString(newer).replace("{", "{\"from_a_newer_version\":1,"));

    EventFeed feed = feed(new EventLog(100));
    long offset = feed.begin("20260101-000002.000-cccc");

    assertThat(offset).isEqualTo(2 + Files.size(newer));
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("WARN cannot read the journal of run 20260101-000001.000-bbbb: " + newer
            + ":1: ");
  }

  @Test
  void anUnreadableOffsetsFileIsMovedAsideWithAWarning() throws Exception {
    writeRun("20260101-000000.000-aaaa", 2);
    Files.writeString(state.resolve("event-ids.json"), "{not json");

    EventLog events = new EventLog(100);
    feed(events).load();

    assertThat(events.lastId()).isEqualTo(2);
    assertThat(state.resolve("event-ids.json.corrupt-20260101-000000")).exists();
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("WARN the event id offsets "
        + state.resolve("event-ids.json") + " cannot be read (");
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("); moved to "
        + state.resolve("event-ids.json.corrupt-20260101-000000") + ": event ids are counted again from the"
        + " journals, so a client may see some ids again");
  }

  @Test
  void aRunWhoseOffsetCannotBeWrittenDoesNotStart() throws Exception {
    Path notADirectory = Files.writeString(state.resolve("file"), "");
    EventFeed feed = new EventFeed(new EventLog(100), new RunJournals(notADirectory, clock, log),
        new EventIdOffsets(notADirectory, log::warn), SecretMasker::none, log);

    assertThatThrownBy(() -> feed.begin("20260101-000000.000-aaaa"))
        .isInstanceOf(AppRefusal.class)
        .hasMessageStartingWith("cannot write the event id offsets "
            + notADirectory.resolve("event-ids.json") + ": ")
        .hasMessageEndingWith("; free space or fix the permissions of state_dir");
  }

  @Test
  void aRunsEventsAreListedWhenReleasedAndANewRunNumbersAboveThoseStillHeld() {
    EventLog events = new EventLog(100);
    EventFeed feed = feed(events);
    long offset = feed.begin("20260101-000000.000-aaaa");
    JournalEntry entry = new JournalEntry(1, clock.instant(), "20260101-000000.000-aaaa", 0,
        "operator", new RunEvent.StopRequested("asked"));

    assertThat(feed.hold(offset, entry)).isEqualTo("stop requested: asked");
    assertThat(events.lastId()).isZero();
    assertThat(feed.begin("20260101-000001.000-bbbb")).isEqualTo(1);
    feed.release(offset + 1);

    assertThat(events.after(0, 10)).extracting(ApiEvent::id, ApiEvent::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "stop requested: asked"));
  }

  @Test
  void anEventWaitsForTheStatusItLedTo() {
    EventLog events = new EventLog(100);
    EventFeed feed = feed(events);
    long offset = feed.begin("20260101-000000.000-aaaa");
    feed.hold(offset, new JournalEntry(1, clock.instant(), "20260101-000000.000-aaaa", 0,
        "operator", new RunEvent.StopRequested("asked")));
    feed.hold(offset, new JournalEntry(2, clock.instant(), "20260101-000000.000-aaaa", 0,
        "operator", new RunEvent.StopRequested("asked again")));

    feed.release(offset + 1);

    assertThat(events.after(0, 10)).extracting(ApiEvent::text)
        .containsExactly("stop requested: asked");
    feed.release(offset + 2);
    assertThat(events.after(0, 10)).extracting(ApiEvent::text)
        .containsExactly("stop requested: asked", "stop requested: asked again");
  }

  @Test
  void aDaemonThatStartsManyRunsKeepsTheLatestRunsOffsetsOnlyAndNumbersOnAboveThem() {
    EventFeed feed = feed(new EventLog(100));
    long last = 0;
    for (int run = 0; run < EventIdOffsets.KEEP + 50; run++) {
      String runId = String.format("20260101-%06d.000-aaaa", run);
      last = feed.begin(runId);
      feed.hold(last, new JournalEntry(1, clock.instant(), runId, 0, "operator",
          new RunEvent.StopRequested("asked")));
    }

    assertThat(feed.offsets()).hasSize(EventIdOffsets.KEEP)
        .containsKey(String.format("20260101-%06d.000-aaaa", EventIdOffsets.KEEP + 49))
        .doesNotContainKey("20260101-000000.000-aaaa");
    assertThat(last).isEqualTo(EventIdOffsets.KEEP + 49);
    assertThat(feed.begin("20260102-000000.000-bbbb")).isEqualTo(EventIdOffsets.KEEP + 50);
  }

  private EventFeed feed(EventLog events) {
    return new EventFeed(events, new RunJournals(state, clock, log),
        new EventIdOffsets(state, log::warn, clock), SecretMasker::none, log);
  }

  private void writeRun(String runId, int entries) throws Exception {
    Files.createDirectories(state.resolve("runs"));
    try (FileJournal journal = FileJournal.create(state.resolve("runs/" + runId + ".jsonl"),
        entry -> {})) {
      for (int i = 1; i <= entries; i++) {
        journal.append(new JournalEntry(i, clock.instant(), runId, 0, "operator",
            new RunEvent.StopRequested("step " + i)));
      }
    }
  }
}
