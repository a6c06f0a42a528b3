package dev.tugboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash or a bad disk leaves in a journal file, and what reopening makes of it. */
class FileJournalDamageTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T04:45:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final JournalCodec codec = new JournalCodec();
  private final List<JournalEntry> samples = JournalSamples.entries("r1");

  @Test
  void aFileCutAtAnyByteReadsAsItsWholeLines() throws Exception {
    List<JournalEntry> written = samples.subList(0, 6);
    byte[] whole = linesOf(written);
    Path file = dir.resolve("r1.jsonl");
    for (int length = 0; length <= whole.length; length++) {
      Files.write(file, Arrays.copyOf(whole, length));
      int complete = completeLines(whole, length);

      JournalScan scan = JournalScan.of(file, codec);

      assertThat(scan.entries()).as("cut at %d", length).isEqualTo(written.subList(0, complete));
      assertThat(scan.damage()).as("cut at %d", length)
          .isEqualTo(length > 0 && whole[length - 1] != '\n'
              ? Optional.of(new JournalScan.Damage(complete + 1, "no newline at the end", true))
              : Optional.empty());
    }
  }

  /** Reopening syncs, so this takes every 11th cut, and the cuts either side of each newline. */
  @Test
  void aFileCutAtManyBytesIsRepairedAndTakesNewAppends() throws Exception {
    List<JournalEntry> written = samples.subList(0, 6);
    byte[] whole = linesOf(written);
    Path file = dir.resolve("r1.jsonl");
    for (int length = 0; length <= whole.length; length++) {
      boolean nearNewline = length > 0 && length < whole.length
          && (whole[length] == '\n' || whole[length - 1] == '\n');
      if (length % 11 != 0 && !nearNewline) {
        continue;
      }
      Files.write(file, Arrays.copyOf(whole, length));
      int complete = completeLines(whole, length);
      boolean torn = length > 0 && whole[length - 1] != '\n';

      try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
        assertThat(journal.entries()).as("cut at %d", length).isEqualTo(written.subList(0, complete));
        assertThat(journal.warnings()).as("cut at %d", length).hasSize(torn ? 1 : 0);
        journal.append(samples.get(6));
      }
      try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
        assertThat(journal.warnings()).as("cut at %d, reopened", length).isEmpty();
        assertThat(journal.entries()).hasSize(complete + 1).last().isEqualTo(samples.get(6));
      }
    }
  }

  @Test
  void aTornLastLineIsDroppedAndCutOffWithAWarning() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    String good = new String(linesOf(samples.subList(0, 2)), StandardCharsets.UTF_8);
    Files.writeString(file, good + "{\"sequence\":3,\"ti");

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEqualTo(samples.subList(0, 2));
      assertThat(journal.warnings()).containsExactly(file + ":3: no newline at the end: a torn last"
          + " line, left out (2 entries read); the file is cut back to its last good line");
    }
    assertThat(Files.readString(file)).isEqualTo(good);
  }

  @Test
  void anUnreadableLastLineIsDroppedLikeATornOne() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    String good = new String(linesOf(samples.subList(0, 1)), StandardCharsets.UTF_8);
    Files.writeString(file, good + "\0\0\0\0\n");

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEqualTo(samples.subList(0, 1));
      assertThat(journal.warnings()).singleElement().asString()
          .startsWith(file + ":2: ")
          .endsWith(": a torn last line, left out (1 entry read);"
              + " the file is cut back to its last good line");
    }
    assertThat(Files.readString(file)).isEqualTo(good);
  }

  @Test
  void aFileOfOnlyAPartialLineBecomesEmpty() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    Files.writeString(file, "{\"seq");

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEmpty();
      assertThat(journal.warnings()).containsExactly(file + ":1: no newline at the end: a torn last"
          + " line, left out (0 entries read); the file is cut back to its last good line");
    }
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void garbageInTheMiddleKeepsTheFileAsideAndTheGoodLinesBeforeIt() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    String before = new String(linesOf(samples.subList(0, 3)), StandardCharsets.UTF_8);
    String damaged = before + "garbage\n" + new String(linesOf(samples.subList(3, 5)),
        StandardCharsets.UTF_8);
    Files.writeString(file, damaged);

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).isEqualTo(samples.subList(0, 3));
      assertThat(journal.warnings()).singleElement().asString()
          .startsWith(file + ":4: Unrecognized token 'garbage'")
          .endsWith(": unreadable, so it and every line after it are left out (3 entries read);"
              + " the whole file is kept as r1.jsonl.corrupt-20261122-044500 and the entries before"
              + " line 4 are written back in its place");
      journal.append(samples.get(3));
    }
    assertThat(Files.readString(dir.resolve("r1.jsonl.corrupt-20261122-044500"))).isEqualTo(damaged);
    assertThat(Files.readString(file))
        .isEqualTo(before + codec.encode(samples.get(3)) + "\n");
  }

  @Test
  void aSequenceThatGoesBackIsDamage() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    Files.write(file, linesOf(List.of(samples.get(0), samples.get(2), samples.get(1),
        samples.get(3))));

    try (FileJournal journal = FileJournal.reopen(file, CLOCK, entry -> {})) {
      assertThat(journal.entries()).containsExactly(samples.get(0), samples.get(2));
      assertThat(journal.warnings()).singleElement().asString()
          .startsWith(file + ":3: sequence 2 after 3: unreadable");
    }
  }

  @Test
  void aLineFromANewerTugboatIsRefusedAndTheFileLeftAlone() throws Exception {
    Path file = dir.resolve("r1.jsonl");
    String newer = codec.encode(samples.get(1)).replace("\"sequence\":2,", "\"sequence\":2,\"epoch\":1,");
    String text = codec.encode(samples.get(0)) + "\n" + newer + "\n";
    Files.writeString(file, text);

    assertThatThrownBy(() -> FileJournal.reopen(file, CLOCK, entry -> {}))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith(file + ":2: Unrecognized field \"epoch\"")
        .hasMessageEndingWith("; a newer Tugboat wrote this journal: upgrade Tugboat to read it, or"
            + " move the file out of " + dir + " to start without it");
    assertThat(Files.readString(file)).isEqualTo(text);
    assertThat(dir.toFile().list()).containsExactly("r1.jsonl");
  }

  private byte[] linesOf(List<JournalEntry> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach(entry -> text.append(codec.encode(entry)).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static int completeLines(byte[] bytes, int length) {
    int lines = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
