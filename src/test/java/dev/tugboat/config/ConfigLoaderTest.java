package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.spec.AppSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final AppSpec SPEC = TestSpecs.load("""
      cmds:
      - {name: token, cmd: count, args: []}
      config:
      - name: g
        items:
        - {name: hostname, type: text, required: true}
        - {name: api_token, type: password, value_cmd: {name: token, value_at: 0}}
        - {name: debug, type: bool, default: "0"}
      """);

  private final AtomicInteger runs = new AtomicInteger();
  private final ConfigLoader loader = new ConfigLoader(new Generators(Map.of(
      "count", args -> List.of("token-" + runs.incrementAndGet()))));

  @TempDir Path dir;

  @Test
  void generatedValuesAreSavedAtTheFirstLoadAndKept() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.json"));

    ConfigValues first = loader.load(SPEC, store, TestSpecs.facts(SPEC));
    ConfigValues second = loader.load(SPEC, store, TestSpecs.facts(SPEC));

    assertThat(first.option("api_token")).contains("token-1");
    assertThat(second.option("api_token")).contains("token-1");
    assertThat(runs).hasValue(1);
    assertThat(store.load().get("api_token")).contains(StoredValue.of("token-1"));
  }

  @Test
  void aLoadThatGeneratesNothingWritesNothing() throws Exception {
    AppSpec plain = TestSpecs.load("config:\n- name: g\n  items:\n  - {name: a, type: text}\n");
    SettingsStore store = new SettingsStore(dir.resolve("settings.json"));

    loader.load(plain, store, TestSpecs.facts(plain));

    assertThat(dir.resolve("settings.json")).doesNotExist();
  }

  @Test
  void setStoresCheckedValuesWithTheGeneratedOnes() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.json"));

    ConfigValues values = loader.set(SPEC, store, Map.of("hostname", StoredValue.of("h.example")),
        TestSpecs.facts(SPEC));

    assertThat(values.option("hostname")).contains("h.example");
    assertThat(store.load().items()).containsOnlyKeys("hostname", "api_token");
  }

  @Test
  void aRefusedWriteStoresNothing() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
    Files.writeString(store.file(), "{\"format\": 1, \"items\": {\"hostname\": {\"value\": \"old\"}}}");
    Map<String, StoredValue> changes = new LinkedHashMap<>();
    changes.put("hostname", StoredValue.of("new"));
    changes.put("debug", StoredValue.of("true"));

    assertThatThrownBy(() -> loader.set(SPEC, store, changes, TestSpecs.facts(SPEC)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config item 'debug': it is a bool: its value must be 1 (on) or 0 (off), got 'true'");
    assertThat(store.load().get("hostname")).contains(StoredValue.of("old"));
  }

  @Test
  void previewSavesNothing() throws Exception {
    ConfigResolver.Resolution resolution = loader.preview(SPEC, Settings.empty(), TestSpecs.facts(SPEC));

    assertThat(resolution.generated()).isTrue();
    assertThat(resolution.values().option("api_token")).contains("token-1");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unsetForgetsStoredValuesAndRegeneratesValueCmds() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
    loader.set(SPEC, store, Map.of("debug", StoredValue.of("1")), TestSpecs.facts(SPEC));

    ConfigValues values = loader.unset(SPEC, store, List.of("debug", "api_token"), TestSpecs.facts(SPEC));

    assertThat(values.value("debug")).contains(new ConfigValue("0", null, ConfigValue.Source.DEFAULT));
    assertThat(values.option("api_token")).contains("token-2");
    assertThat(store.load().items()).containsOnlyKeys("api_token");
    assertThatThrownBy(() -> loader.unset(SPEC, store, List.of("nope"), TestSpecs.facts(SPEC)))
        .hasMessage("no config item 'nope' in this spec; the items are hostname, api_token, debug");
  }
}
