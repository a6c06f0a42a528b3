package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.spec.AppSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates inside the config screen: in values, defaults and whens. */
class ConfigTemplatesTest {

  private static ConfigValues resolve(String yaml, Settings settings) throws ConfigException {
    AppSpec spec = TestSpecs.load(yaml);
    return new ConfigResolver(new Generators(Map.of()))
        .resolve(spec, ConfigScreen.of(spec), settings, TestSpecs.facts(spec)).values();
  }

  private static final String SPEC = """
      config:
      - name: g
        items:
        - {name: hostname, type: text, default: '{{repl ThisHostPrivateIpAddress}}'}
        - {name: url, type: text, value: 'https://{{repl ConfigOption "hostname"}}:8443'}
        - {name: tls, type: bool, default: "1"}
        - name: tls_only
          type: text
          when: '{{repl ConfigOptionEquals "tls" "1"}}'
        - name: plain_only
          type: text
          when: '{{repl if ConfigOptionEquals "tls" "0"}}true{{repl end}}'
      """;

  @Test
  void valuesAndDefaultsMayBeTemplatesReadingHostFactsAndOtherItems() throws Exception {
    ConfigValues values = resolve(SPEC, Settings.empty());

    assertThat(values.option("hostname")).contains("10.0.0.5");
    assertThat(values.option("url")).contains("https://10.0.0.5:8443");
  }

  @Test
  void storedValuesFeedTheTemplatesOfOtherItems() throws Exception {
    ConfigValues values = resolve(SPEC, Settings.empty().with("hostname", StoredValue.of("shop.example")));

    assertThat(values.option("url")).contains("https://shop.example:8443");
  }

  @Test
  void templateWhensDecideWhatIsShownAndAnEmptyResultIsFalse() throws Exception {
    ConfigValues on = resolve(SPEC, Settings.empty());
    ConfigValues off = resolve(SPEC, Settings.empty().with("tls", StoredValue.of("0")));

    assertThat(on.isShown("tls_only")).isTrue();
    assertThat(on.isShown("plain_only")).isFalse();
    assertThat(off.isShown("tls_only")).isFalse();
    assertThat(off.isShown("plain_only")).isTrue();
  }

  @Test
  void itemsThatReferToEachOtherAreACycle() {
    assertThatThrownBy(() -> resolve("""
        config:
        - name: g
          items:
          - {name: a, default: '{{repl ConfigOption "b"}}'}
          - {name: b, default: 'x{{repl ConfigOption "c"}}'}
          - {name: c, value: '{{repl ConfigOption "a"}}'}
        """, Settings.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config items refer to each other in a cycle: a -> b -> c -> a; break it by giving"
            + " one of them a plain value");
  }

  @Test
  void aTemplateErrorNamesTheField() {
    assertThatThrownBy(() -> resolve("""
        config:
        - name: g
          items:
          - {name: a, default: '{{repl ConfigOption "missing"}}'}
        """, Settings.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config template: config[0].items[0].default:1:8: error calling ConfigOption: no config"
            + " item named \"missing\"");
  }

  @Test
  void aWhenThatGivesNoBooleanIsReported() {
    assertThatThrownBy(() -> resolve("""
        config:
        - name: g
          items:
          - {name: a, title: Alpha, when: '{{repl "maybe"}}'}
        """, Settings.empty()))
        .hasMessage("config item 'a' (Alpha): its when cannot be decided: config[0].items[0].when:1:1:"
            + " when gave 'maybe'; it must give true or false"
            + " (1, t, T, TRUE, true, True, or 0, f, F, FALSE, false, False, or nothing)");
  }

  @Test
  void anUnparsableWhenTemplateIsRefusedWhenTheScreenIsBuilt() {
    assertThatThrownBy(() -> ConfigScreen.of(TestSpecs.load("""
        config:
        - name: g
          items:
          - {name: a, when: '{{repl ConfigOptionEquals "x" "1"'}
        """)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config[0].items[0].when:1:1: unclosed action");
  }
}
