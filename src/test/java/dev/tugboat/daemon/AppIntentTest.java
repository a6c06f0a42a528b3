package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppIntentTest {

  @TempDir Path state;

  @Test
  void keepsTheLastRequestPrivately() throws Exception {
    AppIntent intent = new AppIntent(state);
    assertThat(intent.read()).isEmpty();

    intent.record(AppIntent.Wanted.STARTED);
    intent.record(AppIntent.Wanted.STOPPED);

    assertThat(new AppIntent(state).read()).contains(AppIntent.Wanted.STOPPED);
    assertThat(Files.readString(state.resolve("app-intent"))).isEqualTo("stopped\n");
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(state.resolve("app-intent")))).isEqualTo("rw-------");
  }

  @Test
  void fileThatMakesNoSenseCountsAsNoRequest() throws Exception {
    Files.writeString(state.resolve("app-intent"), "sta");
    assertThat(new AppIntent(state).read()).isEmpty();
  }
}
