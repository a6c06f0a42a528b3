package dev.tugboat.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecStoreTest {

  @TempDir Path dir;
  private Path initial;
  private Path settings;
  private SpecStore store;

  @BeforeEach
  void setUp() throws IOException {
    initial = Files.writeString(dir.resolve("app.yml"), "version: 1\n");
    Files.createDirectories(dir.resolve("state"));
    settings = Files.writeString(dir.resolve("state/settings.json"), "{\"v\": 1}\n");
    store = new SpecStore(dir.resolve("state/spec"), Optional.of(initial), settings);
  }

  @Test
  void theDaemonConfigsAppIsInUseUntilASpecIsApplied() {
    assertThat(store.current()).contains(initial);
    assertThat(store.previous()).isEmpty();
    assertThat(new SpecStore(dir.resolve("none"), Optional.empty(), settings).current()).isEmpty();
  }

  @Test
  void installKeepsTheSpecAndSettingsBeforeIt() throws IOException {
    store.install("version: 2\n");

    Path spec = dir.resolve("state/spec");
    assertThat(store.current()).contains(spec.resolve("current.yml"));
    assertThat(Files.readString(spec.resolve("current.yml"))).isEqualTo("version: 2\n");
    assertThat(store.previous()).contains(spec.resolve("previous.yml"));
    assertThat(Files.readString(spec.resolve("previous.yml"))).isEqualTo("version: 1\n");
    assertThat(Files.readString(spec.resolve("previous-settings.json"))).isEqualTo("{\"v\": 1}\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 1}\n");
    assertThat(Files.readString(initial)).isEqualTo("version: 1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec)))
        .isEqualTo("rwx------");
    for (String file : new String[] {"current.yml", "previous.yml", "previous-settings.json"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spec.resolve(file))))
          .as(file).isEqualTo("rw-------");
    }
    try (var files = Files.list(spec)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("no temporary file is left").containsExactlyInAnyOrder(
              "current.yml", "previous.yml", "previous-settings.json");
    }
  }

  @Test
  void aSecondInstallMakesTheFirstThePrevious() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    store.install("version: 3\n");
    assertThat(Files.readString(store.previous().orElseThrow())).isEqualTo("version: 2\n");
    assertThat(Files.readString(dir.resolve("state/spec/previous-settings.json")))
        .isEqualTo("{\"v\": 2}\n");
  }

  @Test
  void rollbackSwapsSpecAndSettingsAndASecondRollbackUndoesIt() throws IOException {
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2, \"new_item\": 1}\n");

    store.rollback();
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo("version: 1\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 1}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(store.previous().orElseThrow())).isEqualTo("version: 2\n");

    store.rollback();
    assertThat(Files.readString(store.current().orElseThrow())).isEqualTo("version: 2\n");
    assertThat(Files.readString(settings)).isEqualTo("{\"v\": 2, \"new_item\": 1}\n");
  }

  @Test
  void settingsThatDidNotExistAreAbsentAgainAfterARollback() throws IOException {
    Files.delete(settings);
    store.install("version: 2\n");
    Files.writeString(settings, "{\"v\": 2}\n");
    store.rollback();
    assertThat(settings).doesNotExist();
  }

  @Test
  void rollbackWithoutAPreviousSpecIsRefused() {
    assertThatThrownBy(store::rollback).isInstanceOf(IllegalStateException.class)
        .hasMessage("no previous spec in " + dir.resolve("state/spec"));
  }
}
