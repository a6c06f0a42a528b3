package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.api.AppRefusal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
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
  void aStopThatCannotBeRecordedGoesAheadAndAStartIsRefused() throws Exception {
    // a directory where the file would be: the write fails as on a full disk
    Files.createDirectory(state.resolve("app-intent"));
    Files.writeString(state.resolve("app-intent").resolve("keeps-it-from-being-replaced"), "");
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    DaemonLog log = new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
        DaemonConfig.LogFormat.TEXT, Clock.systemUTC());
    AppIntent intent = new AppIntent(state);

    intent.recordOrRefuse(AppIntent.Wanted.STOPPED, log);

    assertThat(logged.toString(StandardCharsets.UTF_8))
        .contains("WARN cannot record the stop in " + state.resolve("app-intent"))
        .contains("stopping all the same");
    assertThatThrownBy(() -> intent.recordOrRefuse(AppIntent.Wanted.STARTED, log))
        .isInstanceOfSatisfying(AppRefusal.class, e -> assertThat(e.reason()).isEqualTo(AppRefusal.Reason.NO_SPACE))
        .hasMessageContaining("cannot record the request in " + state.resolve("app-intent"));
  }

  @Test
  void fileThatMakesNoSenseCountsAsNoRequest() throws Exception {
    Files.writeString(state.resolve("app-intent"), "sta");
    assertThat(new AppIntent(state).read()).isEmpty();
  }
}
