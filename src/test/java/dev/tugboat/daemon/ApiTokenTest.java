package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T05:10:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void theFirstStartMakesAPrivateStateDirectoryAndTokenLaterStartsKeepIt() throws Exception {
    Path state = dir.resolve("state");
    String token = ApiToken.loadOrCreate(state, SecureRandom::new);
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(state.resolve("token")))).isEqualTo("rw-------");
    assertThat(ApiToken.loadOrCreate(state, SecureRandom::new)).isEqualTo(token);
    assertThat(ApiToken.read(state.resolve("token"))).isEqualTo(token);
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files).containsExactly(state.resolve("token"));
    }
  }

  @Test
  void anEmptyTokenFileIsSetAsideAndANewTokenMade() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "");

    String made = ApiToken.loadOrCreate(dir, SecureRandom::new, CLOCK, warnings::add);

    assertThat(made).matches("[0-9a-f]{64}");
    assertThat(warnings).containsExactly("API token file " + token + " is empty; it is kept as"
        + " token.corrupt-20261122-051000 and a new token is made: clients and the dashboard need"
        + " the new one");
    assertThat(dir.resolve("token.corrupt-20261122-051000")).isEmptyFile();
    assertThat(ApiToken.read(token)).isEqualTo(made);
    assertThat(ApiToken.loadOrCreate(dir, SecureRandom::new, CLOCK, warnings::add)).isEqualTo(made);
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aMalformedTokenFileIsSetAsideWithItsContents() throws Exception {
    Path token = dir.resolve("token");
    String cut = "3f9a0c" + "\0".repeat(20);
    Files.writeString(token, cut);

    String made = ApiToken.loadOrCreate(dir, SecureRandom::new, CLOCK, warnings::add);

    assertThat(warnings).containsExactly("API token file " + token + " does not hold a token (64"
        + " hex digits); it is kept as token.corrupt-20261122-051000 and a new token is made:"
        + " clients and the dashboard need the new one");
    assertThat(Files.readString(dir.resolve("token.corrupt-20261122-051000"))).isEqualTo(cut);
    assertThat(ApiToken.read(token)).isEqualTo(made);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
  }

  @Test
  void bytesThatAreNotTextAreNoToken() throws Exception {
    Files.write(dir.resolve("token"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});

    ApiToken.loadOrCreate(dir, SecureRandom::new, CLOCK, warnings::add);

    assertThat(warnings).singleElement().asString().contains("does not hold a token");
  }
}
