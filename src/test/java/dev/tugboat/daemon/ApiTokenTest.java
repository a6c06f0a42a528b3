package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

  @TempDir Path dir;

  @Test
  void theFirstStartMakesAPrivateStateDirectoryAndTokenLaterStartsKeepIt() throws Exception {
    Path state = dir.resolve("state");
    String token = ApiToken.loadOrCreate(state, new SecureRandom());
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(state.resolve("token")))).isEqualTo("rw-------");
    assertThat(ApiToken.loadOrCreate(state, new SecureRandom())).isEqualTo(token);
    assertThat(ApiToken.read(state.resolve("token"))).isEqualTo(token);
  }
}
