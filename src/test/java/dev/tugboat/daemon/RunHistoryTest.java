package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.api.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private RunHistory history(Instant now) {
    return new RunHistory(dir.resolve("history.json"), Clock.fixed(now, ZoneOffset.UTC),
        warnings::add);
  }

  @Test
  void aRunGoesFromRunningToStartedToStoppedAndIsKeptOnDisk() throws IOException {
    history(T0).launched("run-1", "demo", "1");
    history(T0).observed("run-1", "starting", "waiting for 2 events", false);
    assertThat(history(T0).runs()).containsExactly(
        new RunRecord("run-1", "demo", "1", T0, null, "running", ""));
    history(T0).observed("run-1", "started", "started in 3 s", false);
    history(T0.plusSeconds(60)).observed("run-1", "stopping", "stop requested", false);
    history(T0.plusSeconds(61)).observed("run-1", "stopped", "stopped: stop requested", true);

    assertThat(history(T0).runs()).containsExactly(
        new RunRecord("run-1", "demo", "1", T0, T0.plusSeconds(61), "stopped", ""));
    Path file = dir.resolve("history.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"format\" : 1")
        .contains("\"run_id\" : \"run-1\"").contains("\"started_at\" : \"2026-11-22T04:00:00Z\"");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aFailureKeepsItsCauseWhenTheRunIsStoppedAfterIt() {
    RunHistory history = history(T0);
    history.launched("run-1", "demo", "2");
    history.observed("run-1", "failed", "could not start app/web: image missing", false);
    history.observed("run-1", "stopped", "stopped: upgrade failed", true);
    assertThat(history.runs()).containsExactly(new RunRecord("run-1", "demo", "2", T0, T0,
        "failed", "could not start app/web: image missing"));
  }

  @Test
  void newestFirstAndOnlyTheLast200AreKept() {
    RunHistory history = history(T0);
    for (int i = 1; i <= RunHistory.KEEP + 5; i++) {
      history.launched("run-" + i, "demo", "1");
    }
    List<RunRecord> runs = history(T0).runs();
    assertThat(runs).hasSize(RunHistory.KEEP);
    assertThat(runs.get(0).runId()).isEqualTo("run-205");
    assertThat(runs.get(RunHistory.KEEP - 1).runId()).isEqualTo("run-6");
  }

  @Test
  void aRunWhoseEndWasNotSeenIsClosedWhenTheNextRunLaunches() {
    history(T0).launched("run-1", "demo", "1");
    history(T0).observed("run-1", "started", "started in 3 s", false);
    history(T0.plusSeconds(600)).launched("run-2", "demo", "1");
    assertThat(history(T0).runs()).containsExactly(
        new RunRecord("run-2", "demo", "1", T0.plusSeconds(600), null, "running", ""),
        new RunRecord("run-1", "demo", "1", T0, T0.plusSeconds(600), "stopped",
            "its end was not seen (the daemon stopped while it ran); it ended by then"));
  }

  @Test
  void anUnknownRunIsIgnored() {
    RunHistory history = history(T0);
    history.observed("run-x", "failed", "boom", true);
    assertThat(history.runs()).isEmpty();
    assertThat(dir.resolve("history.json")).doesNotExist();
  }

  @Test
  void anUnreadableHistoryIsMovedAsideAndANewOneBegins() throws IOException {
    Files.writeString(dir.resolve("history.json"), "{not json");
    RunHistory history = history(T0);
    history.launched("run-1", "demo", "1");
    assertThat(history.runs()).extracting(RunRecord::runId).containsExactly("run-1");
    assertThat(Files.readString(dir.resolve("history.json.corrupt-20261122-040000"))).isEqualTo("{not json");
    assertThat(warnings).singleElement().asString()
        .startsWith("the run history " + dir.resolve("history.json") + " cannot be read (")
        .endsWith("it was moved to " + dir.resolve("history.json.corrupt-20261122-040000")
            + " and a new history begins");
  }

  @Test
  void anotherUnreadableHistoryKeepsTheOneSetAsideBefore() throws IOException {
    Files.writeString(dir.resolve("history.json"), "{not json");
    history(T0).runs();
    Files.writeString(dir.resolve("history.json"), "{not json either");
    history(T0).runs();
    assertThat(Files.readString(dir.resolve("history.json.corrupt-20261122-040000")))
        .isEqualTo("{not json");
    assertThat(Files.readString(dir.resolve("history.json.corrupt-20261122-040000-2")))
        .isEqualTo("{not json either");
  }
}
