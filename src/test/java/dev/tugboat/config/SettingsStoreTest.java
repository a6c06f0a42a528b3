package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T05:10:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

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

  @Test
  void aFileCutShortIsSetAsideReportedAndTheNextStartWorks() throws Exception {
    Path file = dir.resolve("settings.json");
    SettingsStore store = new SettingsStore(file, CLOCK, warnings::add);
    store.save(Settings.empty().with("pw", StoredValue.of("s3cret")).with("host", StoredValue.of("a")));
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.indexOf("s3cret")));

    assertThat(store.load()).isEqualTo(Settings.empty());

    assertThat(warnings).containsExactly("settings file " + file + " is damaged: it ends before its"
        + " JSON does (line 8); it is kept as settings.json.corrupt-20261122-051000 and the settings"
        + " start empty: generated values are made anew, the others take the spec's defaults (copy"
        + " values back from it with tugboat config set)");
    assertThat(Files.readString(dir.resolve("settings.json.corrupt-20261122-051000")))
        .isEqualTo(whole.substring(0, whole.indexOf("s3cret")));
    assertThat(file).doesNotExist();
    store.save(Settings.empty().with("pw", StoredValue.of("new")));
    assertThat(store.load().get("pw")).contains(StoredValue.of("new"));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void everyCutOfTheFileBeforeItsClosingBraceIsDamage() throws Exception {
    Path file = dir.resolve("settings.json");
    new SettingsStore(file).save(Settings.empty()
        .with("pw", StoredValue.of("s3cret"))
        .with("tls", StoredValue.file("a.crt", "-----BEGIN-----\nx\n")));
    String whole = Files.readString(file);
    int closed = whole.lastIndexOf('}') + 1;

    for (int length = 0; length < closed; length++) {
      Files.writeString(file, whole.substring(0, length));
      warnings.clear();

      assertThat(new SettingsStore(file, CLOCK, warnings::add).load()).as("cut at %d", length)
          .isEqualTo(Settings.empty());
      assertThat(warnings).as("cut at %d", length).hasSize(1);
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(p -> !p.equals(file)).forEach(p -> p.toFile().delete());
      }
    }
    Files.writeString(file, whole.substring(0, closed));
    assertThat(new SettingsStore(file, CLOCK, warnings::add).load().get("pw"))
        .contains(StoredValue.of("s3cret"));
  }

  @Test
  void anEmptyFileOrOneOfNulBytesIsSetAside() throws Exception {
    Path file = dir.resolve("settings.json");
    SettingsStore store = new SettingsStore(file, CLOCK, warnings::add);
    Files.writeString(file, "");
    store.load();
    Files.write(file, new byte[64]);
    store.load();
    Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});
    store.load();

    assertThat(warnings).hasSize(3);
    assertThat(warnings.get(0)).startsWith("settings file " + file + " is damaged: it is empty;"
        + " it is kept as settings.json.corrupt-20261122-051000 and");
    assertThat(warnings.get(1)).startsWith("settings file " + file + " is damaged: it holds NUL"
        + " bytes; it is kept as settings.json.corrupt-20261122-051000-2 and");
    assertThat(warnings.get(2)).startsWith("settings file " + file + " is damaged: it is not UTF-8"
        + " text; it is kept as settings.json.corrupt-20261122-051000-3 and");
    assertThat(dir.resolve("settings.json.corrupt-20261122-051000-2")).hasSize(64);
  }

  @Test
  void aWholeFileWithAnErrorInsideIsRefusedNotSetAside() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"items\": {\"a\": {\"value\": \"x\",}}}");

    assertThatThrownBy(() -> new SettingsStore(file, CLOCK, warnings::add).load())
        .hasMessageStartingWith("settings file " + file + " is not valid JSON (line 1): ");
    assertThat(warnings).isEmpty();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
