package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDirectoryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T04:45:00Z"), ZoneOffset.UTC);

  @TempDir Path state;

  @Test
  void createsTheRunsDirectoryForItsOwnerOnly() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, 20, CLOCK);

    assertThat(runs.directory()).isEqualTo(state.resolve("runs"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runs.directory())))
        .isEqualTo("rwx------");
    assertThat(runs.runIds()).isEmpty();
    assertThat(runs.latestRunId()).isEmpty();
  }

  @Test
  void listsRunsOldestFirstAndIgnoresOtherFiles() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, 20, CLOCK);
    for (String id : List.of("20261122-023512-9f3a", "20261121-235959-0001", "20261122-023512-0b00")) {
      runs.create(id, entry -> {}).close();
    }
    Files.writeString(runs.directory().resolve("20261122-023512-9f3a.jsonl.corrupt-20261122-044500"), "");
    Files.writeString(runs.directory().resolve(".20261123-000000-aaaa.jsonl123.tmp"), "");

    assertThat(runs.runIds()).containsExactly(
        "20261121-235959-0001", "20261122-023512-0b00", "20261122-023512-9f3a");
    assertThat(runs.latestRunId()).hasValue("20261122-023512-9f3a");
  }

  @Test
  void readsARunWithoutRepairingIt() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, 20, CLOCK);
    List<JournalEntry> samples = JournalSamples.entries("r1");
    try (FileJournal journal = runs.create("r1", entry -> {})) {
      samples.subList(0, 2).forEach(journal::append);
    }
    Path file = runs.fileOf("r1");
    Files.writeString(file, "{\"sequ", java.nio.file.StandardOpenOption.APPEND);
    long size = Files.size(file);

    JournalRead read = runs.read("r1");

    assertThat(read.entries()).isEqualTo(samples.subList(0, 2));
    assertThat(read.warnings()).containsExactly(
        file + ":3: no newline at the end: a torn last line, left out (2 entries read)");
    assertThat(Files.size(file)).isEqualTo(size);
    try (FileJournal reopened = runs.reopen("r1", entry -> {})) {
      assertThat(reopened.entries()).isEqualTo(samples.subList(0, 2));
    }
  }

  @Test
  void rotationKeepsTheLatestRunsAndTheOneInUse() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, 2, CLOCK);
    for (String id : List.of("r1", "r2", "r3", "r4")) {
      runs.create(id, entry -> {}).close();
    }
    Path aside = runs.directory().resolve("r2.jsonl.corrupt-20261122-044500");
    Files.writeString(aside, "");

    List<Path> deleted = runs.rotate("r1");

    assertThat(deleted).containsExactly(runs.fileOf("r2"), aside);
    assertThat(runs.runIds()).containsExactly("r1", "r3", "r4");
  }

  @Test
  void keepsTwentyRunsByDefault() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, JournalDirectory.DEFAULT_KEEP, CLOCK);
    for (int i = 0; i < 23; i++) {
      runs.create(String.format("20261122-0000%02d-aaaa", i), entry -> {}).close();
    }

    assertThat(runs.rotate("20261122-000022-aaaa")).hasSize(3);
    assertThat(runs.runIds()).hasSize(20).first().isEqualTo("20261122-000003-aaaa");
  }

  @Test
  void aRunIdIsNeverAPath() throws Exception {
    JournalDirectory runs = JournalDirectory.open(state, 20, CLOCK);

    assertThatThrownBy(() -> runs.fileOf("../settings"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a run id: \"../settings\" (expected letters, digits, '-', '_' or '.',"
            + " like 20261122-023512-9f3a)");
  }
}
