package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.spec.AppSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigResolverTest {

  private final List<String> calls = new ArrayList<>();
  /** "count" gives a new number at each run, so a test sees how often a command ran. */
  private final Generators generators = new Generators(Map.of(
      "count", args -> {
        calls.add("count");
        return List.of("run" + calls.size(), "second" + calls.size());
      },
      "echo", new EchoGenerator()));
  private final ConfigResolver resolver = new ConfigResolver(generators);

  private static final String SPEC = """
      cmds:
      - name: counter
        cmd: count
        args: []
      - name: words
        cmd: echo
        args: ["alpha", "beta"]
      config:
      - name: main
        title: Main
        items:
        - name: plain
          type: text
        - name: with_default
          type: text
          default: from-default
        - name: with_value
          type: text
          value: from-value
          default: ignored-default
        - name: generated
          type: password
          value_cmd: {name: counter, value_at: 0}
        - name: generated_too
          type: text
          value_cmd: {name: counter, value_at: 1}
        - name: dynamic_default
          type: text
          default: ignored
          default_cmd: {name: words, value_at: 1}
        - name: key_file
          type: file
          data_cmd: {name: words, value_at: 0}
      """;

  private ConfigResolver.Resolution resolve(String yaml, Settings settings) throws ConfigException {
    AppSpec spec = TestSpecs.load(yaml);
    return resolver.resolve(spec, ConfigScreen.of(spec), settings, TestSpecs.facts(spec));
  }

  @Test
  void resolvesStoredThenValueThenDefaultCmdThenDefault() throws Exception {
    Settings settings = Settings.empty().with("with_value", StoredValue.of("from-settings"));

    ConfigValues values = resolve(SPEC, settings).values();

    assertThat(values.value("plain")).contains(new ConfigValue("", null, ConfigValue.Source.NONE));
    assertThat(values.value("with_default"))
        .contains(new ConfigValue("from-default", null, ConfigValue.Source.DEFAULT));
    assertThat(values.value("with_value"))
        .contains(new ConfigValue("from-settings", null, ConfigValue.Source.STORED));
    assertThat(values.value("dynamic_default"))
        .contains(new ConfigValue("beta", null, ConfigValue.Source.DEFAULT_CMD));
    assertThat(values.option("nothing")).isEmpty();
  }

  @Test
  void valueIsUsedWhenNothingIsStored() throws Exception {
    assertThat(resolve(SPEC, Settings.empty()).values().option("with_value")).contains("from-value");
  }

  @Test
  void valueCmdRunsOnceForAllItemsAndIsReturnedForSaving() throws Exception {
    ConfigResolver.Resolution first = resolve(SPEC, Settings.empty());

    assertThat(calls).containsExactly("count");
    assertThat(first.generated()).isTrue();
    assertThat(first.settings().get("generated")).contains(StoredValue.of("run1"));
    assertThat(first.settings().get("generated_too")).contains(StoredValue.of("second1"));
    assertThat(first.values().value("generated"))
        .contains(new ConfigValue("run1", null, ConfigValue.Source.STORED));

    ConfigResolver.Resolution second = resolve(SPEC, first.settings());

    assertThat(calls).containsExactly("count");
    assertThat(second.generated()).isFalse();
    assertThat(second.values().option("generated")).contains("run1");
  }

  @Test
  void dataCmdFillsAFileItemsContents() throws Exception {
    ConfigValues values = resolve(SPEC, Settings.empty()).values();

    assertThat(values.data("key_file")).contains("alpha");
    assertThat(values.option("key_file")).contains("");
    assertThat(values.data("plain")).contains("");
    assertThat(values.data("nothing")).isEmpty();
  }

  @Test
  void defaultCmdRunsAtEveryLoad() throws Exception {
    String spec = """
        cmds:
        - {name: counter, cmd: count, args: []}
        config:
        - name: g
          items:
          - name: d
            default_cmd: {name: counter, value_at: 0}
        """;
    ConfigResolver.Resolution first = resolve(spec, Settings.empty());
    ConfigResolver.Resolution second = resolve(spec, first.settings());

    assertThat(first.values().option("d")).contains("run1");
    assertThat(second.values().option("d")).contains("run2");
    assertThat(first.generated()).isFalse();
  }

  @Test
  void passwordValuesAreTheMaskersSecrets() throws Exception {
    ConfigValues values = resolve(SPEC, Settings.empty()).values();

    assertThat(values.masker().mask("pw=run1 other=second1")).isEqualTo("pw=******** other=second1");
  }

  @Test
  void aTemplateErrorThatQuotesAPasswordShowsItMasked() {
    String spec = """
        config:
        - name: g
          items:
          - {name: pw, type: password}
          - {name: port, type: text, value: '{{repl ParseInt (ConfigOption "pw")}}'}
        """;
    assertThatThrownBy(() -> resolve(spec, Settings.empty().with("pw", StoredValue.of("hunter2"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config template: config[0].items[1].value:1:8: error calling ParseInt: "
            + "strconv.ParseInt: parsing \"********\": invalid syntax");
  }

  @Test
  void aMissingCmdIsNamed() {
    String spec = """
        config:
        - name: g
          items:
          - name: pw
            title: Password
            value_cmd: {name: nope, value_at: 0}
        """;
    assertThatThrownBy(() -> resolve(spec, Settings.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config item 'pw' (Password): value_cmd names 'nope', which is not in cmds");
  }

  @Test
  void valueAtOutOfRangeSaysHowManyValuesThereAre() {
    String spec = """
        cmds:
        - {name: words, cmd: echo, args: [one]}
        config:
        - name: g
          items:
          - name: w
            value_cmd: {name: words, value_at: 2}
        """;
    assertThatThrownBy(() -> resolve(spec, Settings.empty()))
        .hasMessage("config item 'w': value_cmd value_at 2 is out of range: cmds 'words' (echo) gives"
            + " 1 value(s), value_at counts from 0");
  }

  @Test
  void aFailingCommandIsReportedWithItsItem() {
    String spec = """
        cmds:
        - {name: odd, cmd: raw, args: [ls]}
        config:
        - name: g
          items:
          - name: w
            value_cmd: {name: odd, value_at: 0}
        """;
    assertThatThrownBy(() -> resolve(spec, Settings.empty()))
        .hasMessage("cmds 'odd' (for config item 'w'): unknown command 'raw'; the commands are"
            + " cert, echo, publicip, random, system_uuid");
  }
}
