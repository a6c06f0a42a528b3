package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.license.Releases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AppVersionFirst and AppVersionCurrent as the run history gives them, across upgrades. */
class ReleasesFromHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");
  @TempDir Path dir;

  private RunHistory history() {
    return new RunHistory(dir.resolve("history.json"), Clock.fixed(T0, ZoneOffset.UTC), w -> { });
  }

  @Test
  void aFirstInstallHasNoHistory() {
    assertThat(history().releases()).isEqualTo(Releases.none());
  }

  @Test
  void anUpgradeSeesTheVersionItReplacesAndTheFirstOne() {
    history().launched("run-1", "demo", "1");
    history().observed("run-1", "started", "started", false);
    history().observed("run-1", "stopped", "stopped for an upgrade", true);
    // the upgrade to 2 prepares before its run launches: current is still 1
    assertThat(history().releases()).isEqualTo(new Releases(Optional.of("1"), Optional.of(T0),
        Optional.of("1")));
    history().launched("run-2", "demo", "2");
    history().observed("run-2", "started", "started", false);
    history().observed("run-2", "stopped", "stopped for an upgrade", true);
    // a failed upgrade to 3 is not the version in use
    history().launched("run-3", "demo", "3");
    history().observed("run-3", "failed", "the migration failed", true);
    assertThat(history().releases()).isEqualTo(new Releases(Optional.of("1"), Optional.of(T0),
        Optional.of("2")));
  }

  @Test
  void theFirstVersionOutlivesTheRunsKept() {
    for (int i = 1; i <= RunHistory.KEEP + 5; i++) {
      history().launched("run-" + i, "demo", String.valueOf(i));
    }
    assertThat(history().runs()).hasSize(RunHistory.KEEP);
    assertThat(history().releases().first()).contains("1");
    assertThat(history().releases().current()).contains(String.valueOf(RunHistory.KEEP + 5));
  }
}
