package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the disk cannot take whole: what is on the file stays whole lines, the entry is not
 * counted as written, and the same entry is written whole once there is room.
 */
class FileJournalDiskFullTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T04:45:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final List<JournalEntry> samples = JournalSamples.entries("r1");

  @Test
  void aWriteCutShortLeavesNoPartOfItsLineAndIsWrittenWholeOnceThereIsRoom() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    List<JournalEntry> heard = new ArrayList<>();
    try (FillingChannel disk = new FillingChannel(open(file), 0);
        FileJournal journal = FileJournal.over(file, disk, heard::add)) {
      disk.capacity = 1_000_000;
      journal.append(samples.get(0));
      long whole = Files.size(file);
      disk.capacity = whole + 10; // the next line only partly fits

      assertThatThrownBy(() -> journal.append(samples.get(1)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot write the journal at " + file + ": No space left on device");
      assertThat(Files.size(file)).isEqualTo(whole);
      assertThat(journal.entries()).containsExactly(samples.get(0));
      assertThat(heard).containsExactly(samples.get(0));

      disk.capacity = 1_000_000;
      samples.subList(1, samples.size()).forEach(journal::append);
    }
    try (FileJournal reopened = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(reopened.entries()).isEqualTo(samples);
      assertThat(reopened.warnings()).isEmpty();
    }
  }

  @Test
  void aPartLineThatCouldNotBeCutAtOnceIsCutBeforeTheNextWrite() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    try (FillingChannel disk = new FillingChannel(open(file), 1_000_000);
        FileJournal journal = FileJournal.over(file, disk, entry -> {})) {
      journal.append(samples.get(0));
      long whole = Files.size(file);
      disk.capacity = whole + 10;
      disk.failTruncate = true;

      assertThatThrownBy(() -> journal.append(samples.get(1)))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(Files.size(file)).isEqualTo(whole + 10); // the part is still there

      disk.failTruncate = false;
      disk.capacity = 1_000_000;
      samples.subList(1, samples.size()).forEach(journal::append);
    }
    try (FileJournal reopened = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(reopened.entries()).isEqualTo(samples);
      assertThat(reopened.warnings()).isEmpty();
    }
  }

  private static FileChannel open(Path file) throws Exception {
    return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
  }
}
