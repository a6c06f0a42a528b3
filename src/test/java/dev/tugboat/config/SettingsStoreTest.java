package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  @TempDir Path dir;

  @Test
  void aMissingFileIsEmptySettings() throws Exception {
    assertThat(new SettingsStore(dir.resolve("settings.json")).load()).isEqualTo(Settings.empty());
  }

  @Test
  void savesAndLoadsValuesAndFileContents() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("state/settings.json"));
    Settings settings = Settings.empty()
        .with("hostname", StoredValue.of("app.example.com"))
        .with("tls_cert", StoredValue.file("server.crt", "-----BEGIN CERTIFICATE-----\nx\n"));

    store.save(settings);

    assertThat(store.load()).isEqualTo(settings);
    assertThat(store.load().get("tls_cert").flatMap(StoredValue::dataIfAny))
        .contains("-----BEGIN CERTIFICATE-----\nx\n");
  }

  @Test
  void theFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    new SettingsStore(file).save(Settings.empty().with("pw", StoredValue.of("s3cret")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(Files.readString(file)).contains("\"format\" : 1").contains("\"pw\"");
  }

  @Test
  void invalidJsonSaysWhereAndWhatToDo() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\n  \"items\": {,\n}");

    assertThatThrownBy(() -> new SettingsStore(file).load())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("settings file " + file + " is not valid JSON (line 2): ")
        .hasMessageEndingWith("; fix it or remove it to start from the spec's defaults");
  }

  @Test
  void anItemWithoutAStringValueIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"items\": {\"a\": {\"value\": 3}}}");

    assertThatThrownBy(() -> new SettingsStore(file).load())
        .hasMessage("settings file " + file + ": item \"a\" must be an object with a string \"value\"");
  }

  @Test
  void anotherFormatIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"format\": 2, \"items\": {}}");

    assertThatThrownBy(() -> new SettingsStore(file).load())
        .hasMessage("settings file " + file
            + " has format 2, this Tugboat reads format 1; use the Tugboat version that wrote it");
  }
}
