package dev.tugboat.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T04:45:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void writePrivateReplacesTheFileOwnerOnlyAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("state").resolve("settings.json");
    AtomicFiles.writePrivate(file, "old");
    AtomicFiles.writePrivate(file, "new");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writePrivateWritesTheRemainingBytesOfABuffer() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    AtomicFiles.writePrivate(file,
        ByteBuffer.wrap("good\ntorn".getBytes(StandardCharsets.UTF_8), 0, 5));
    assertThat(file).hasContent("good\n");
  }

  @Test
  void setAsideNamesTheCopyByTimeAndNeverOverwritesAnEarlierOne() throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "first");
    Path first = AtomicFiles.setAside(file, CLOCK);
    Files.writeString(file, "second");
    Path second = AtomicFiles.setAside(file, CLOCK);

    assertThat(first).isEqualTo(dir.resolve("token.corrupt-20261122-044500")).hasContent("first");
    assertThat(second).isEqualTo(dir.resolve("token.corrupt-20261122-044500-2"))
        .hasContent("second");
    assertThat(file).doesNotExist();
  }

  @Test
  void copyAsideKeepsTheFileInPlaceUnderTheSameNaming() throws IOException {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, "damaged");
    Path aside = AtomicFiles.copyAside(file, CLOCK);

    assertThat(aside).isEqualTo(dir.resolve("run.jsonl.corrupt-20261122-044500"))
        .hasContent("damaged");
    assertThat(file).hasContent("damaged");
  }

  @Test
  void createForAppendMakesANewOwnerOnlyFileAndRefusesAnExistingOne() throws IOException {
    Path file = dir.resolve("run.jsonl");
    try (FileChannel channel = AtomicFiles.createForAppend(file)) {
      channel.write(ByteBuffer.wrap("line\n".getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(file).hasContent("line");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> AtomicFiles.createForAppend(file))
        .isInstanceOf(FileAlreadyExistsException.class);
  }
}
