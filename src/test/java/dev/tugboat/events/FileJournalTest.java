package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
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

class FileJournalTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T04:45:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final List<JournalEntry> samples = JournalSamples.entries("r1");

  @Test
  void appendsOneLinePerEntryAndReopensThem() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    List<JournalEntry> heard = new ArrayList<>();
    try (FileJournal journal = FileJournal.create(file, heard::add)) {
      samples.forEach(journal::append);
      journal.sync();

      assertThat(journal.entries()).isEqualTo(samples);
      assertThat(heard).isEqualTo(samples);
      assertThat(journal.warnings()).isEmpty();
    }
    assertThat(Files.readAllLines(file)).hasSize(samples.size());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    try (FileJournal reopened = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(reopened.entries()).isEqualTo(samples);
      assertThat(reopened.warnings()).isEmpty();
    }
  }

  @Test
  void reopenedJournalContinuesAfterTheLastEntry() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    try (FileJournal journal = FileJournal.create(file, entry -> {})) {
      samples.subList(0, 3).forEach(journal::append);
    }
    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThatThrownBy(() -> journal.append(samples.get(2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("journal sequence must grow: 3 after 3");
      samples.subList(3, 5).forEach(journal::append);
    }
    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEqualTo(samples.subList(0, 5));
    }
  }

  @Test
  void createRefusesAnExistingFile() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    Files.writeString(file, "");

    assertThatThrownBy(() -> FileJournal.create(file, entry -> {}))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void entriesIsACopyReadersCannotChange() throws Exception {
    try (FileJournal journal = FileJournal.create(dir.resolve("r1.jsonl"), entry -> {})) {
      journal.append(samples.get(0));
      List<JournalEntry> seen = journal.entries();
      journal.append(samples.get(1));

      assertThat(seen).hasSize(1);
      assertThatThrownBy(() -> seen.add(samples.get(2)))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void appendAfterCloseFails() throws Exception {
    FileJournal journal = FileJournal.create(dir.resolve("r1.jsonl"), entry -> {});
    journal.close();

    assertThatThrownBy(() -> journal.append(samples.get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("journal " + dir.resolve("r1.jsonl") + " is closed");
  }

  @Test
  void anEmptyFileIsAnEmptyJournal() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    Files.writeString(file, "");

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEmpty();
      assertThat(journal.warnings()).isEmpty();
      journal.append(samples.get(0));
    }
    assertThat(Files.readAllLines(file)).hasSize(1);
  }
}
