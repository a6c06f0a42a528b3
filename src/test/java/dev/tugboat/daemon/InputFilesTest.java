package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.daemon.InputFiles.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path state;

  @Test
  void aFileIsNamedByTheSha256OfItsBytesAndReadableByItsOwnerOnly() throws IOException {
    InputFiles files = InputFiles.in(state);
    String digest = files.put(Kind.SPEC, "name: demo\n");

    // sha256sum of "name: demo\n", as an operator checks it
    assertThat(digest)
        .isEqualTo("sha256:8789e7eabb7ba5922a5087c25d315a1e5fbb6b0f97510862579d348428dbd9d4");
    Path file = files.require(Kind.SPEC, digest);
    assertThat(file).isEqualTo(state.resolve("inputs/sha256-" + digest.substring(7) + ".yml"));
    assertThat(Files.readString(file)).isEqualTo("name: demo\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())))
        .isEqualTo("rwx------");
    assertThat(files.put(Kind.SPEC, "name: demo\n")).as("the same bytes, the same file")
        .isEqualTo(digest);
  }

  @Test
  void aMissingOrChangedFileIsRefusedWithWhatIsWrong() throws IOException {
    InputFiles files = InputFiles.in(state);
    String digest = files.put(Kind.SETTINGS, "{}\n");
    Path file = files.path(Kind.SETTINGS, digest);
    Files.writeString(file, "{\"edited\": 1}\n");

    assertThatThrownBy(() -> files.require(Kind.SETTINGS, digest))
        .isInstanceOf(InputFiles.Unusable.class)
        .hasMessage(file + " is damaged: its bytes have digest "
            + InputFiles.digestOf("{\"edited\": 1}\n".getBytes()));
    assertThat(files.put(Kind.SETTINGS, "{}\n")).as("put writes a damaged file anew")
        .isEqualTo(digest);
    assertThat(Files.readString(file)).isEqualTo("{}\n");
    Files.delete(file);
    assertThatThrownBy(() -> files.require(Kind.SETTINGS, digest))
        .hasMessage(file + " is missing");
  }

  @Test
  void removingKeepsWhatIsNamedAndFilesThatAreNotItsOwn() throws IOException {
    InputFiles files = InputFiles.in(state);
    String kept = files.put(Kind.SPEC, "a\n");
    String dropped = files.put(Kind.SETTINGS, "b\n");
    Path leftover = Files.writeString(files.directory().resolve(".sha256-x.yml.123.tmp"), "c");
    Path foreign = Files.writeString(files.directory().resolve("README"), "mine");

    assertThat(files.removeAllBut(Set.of(kept))).containsExactlyInAnyOrder(
        files.path(Kind.SETTINGS, dropped), leftover);
    assertThat(files.path(Kind.SPEC, kept)).exists();
    assertThat(foreign).exists();
  }
}
