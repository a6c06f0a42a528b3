package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

  private static final AppSpec SPEC = TestSpecs.load("""
      config:
      - name: g
        items:
        - {name: intro, type: heading, title: Welcome}
        - {name: token, type: password, hidden: true, readonly: true}
        - {name: mode, type: text, default: basic}
        - {name: tuning, type: text, when: mode=advanced, required: true}
        - {name: features, type: select_many, items: [{name: feature_a, default: "1"}]}
      """);

  private static ConfigValues values(Settings settings) throws ConfigException {
    return new ConfigResolver(new Generators(Map.of()))
        .resolve(SPEC, ConfigScreen.of(SPEC), settings, TestSpecs.facts(SPEC)).values();
  }

  @Test
  void showsNotesAndMasksASecretBeforeShorteningIt() throws Exception {
    String longSecret = "s".repeat(70);
    ConfigValues values = values(Settings.empty().with("token", StoredValue.of(longSecret)));

    assertThat(ConfigTable.render(values, values.masker())).isEqualTo("""
        ITEM         TYPE         SOURCE   VALUE     NOTES
        intro        heading      -
        token        password     stored   ********  hidden, readonly
        mode         text         default  basic
        tuning       text         none               required, not shown (when)
        features     select_many  none
          feature_a  option       default  1
        """);
  }

  @Test
  void withoutAMaskerValuesAreShownWholeUpTo60Characters() throws Exception {
    ConfigValues values = values(Settings.empty().with("token", StoredValue.of("t".repeat(70))));

    assertThat(ConfigTable.render(values, SecretMasker.none()))
        .contains("token        password     stored   " + "t".repeat(60) + "...  hidden, readonly");
  }
}
