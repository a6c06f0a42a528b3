package dev.tugboat.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.spec.AppSpec;
import org.junit.jupiter.api.Test;

class WhenConditionTest {

  @Test
  void parsesEachForm() throws Exception {
    assertThat(WhenCondition.parse("", "p")).isEqualTo(new WhenCondition.Constant(true));
    assertThat(WhenCondition.parse("false", "p")).isEqualTo(new WhenCondition.Constant(false));
    assertThat(WhenCondition.parse("mode=advanced", "p"))
        .isEqualTo(new WhenCondition.Compare("mode", "advanced", true));
    assertThat(WhenCondition.parse(" mode != basic ", "p"))
        .isEqualTo(new WhenCondition.Compare("mode", "basic", false));
    assertThat(WhenCondition.parse("tls_on=1", "p")).isEqualTo(new WhenCondition.Compare("tls_on", "1", true));
    assertThat(WhenCondition.parse("{{repl ConfigOptionEquals \"a\" \"b\"}}", "p"))
        .isInstanceOf(WhenCondition.Rendered.class);
  }

  @Test
  void readsBooleansAsGoDoesPlusEmptyAsFalse() {
    for (String yes : new String[] {"1", "t", "T", "TRUE", "true", "True", " true\n"}) {
      assertThat(WhenCondition.parseBoolean(yes)).as(yes).contains(true);
    }
    for (String no : new String[] {"", "0", "f", "F", "FALSE", "false", "False"}) {
      assertThat(WhenCondition.parseBoolean(no)).as(no).contains(false);
    }
    assertThat(WhenCondition.parseBoolean("yes")).isEmpty();
  }

  @Test
  void comparesItemValuesAndHidesWhatDependsOnHiddenGroupsAndParents() throws Exception {
    AppSpec spec = TestSpecs.load("""
        config:
        - name: basics
          items:
          - {name: mode, type: select_one, default: advanced, items: [{name: basic}, {name: advanced}]}
          - {name: tls, type: bool, default: "0"}
        - name: advanced
          when: mode=advanced
          items:
          - {name: tuning, type: text}
        - name: tls_group
          when: tls=1
          items:
          - {name: cert, type: file}
        - name: more
          items:
          - {name: only_basic, when: "mode!=advanced"}
          - name: pick
            type: select_many
            when: tls=1
            items: [{name: pick_a}]
        """);
    ConfigValues values = new ConfigResolver(new Generators(java.util.Map.of()))
        .resolve(spec, ConfigScreen.of(spec), Settings.empty(), TestSpecs.facts(spec)).values();

    assertThat(values.isShown("mode")).isTrue();
    assertThat(values.isShown("tuning")).isTrue();
    assertThat(values.isShown("cert")).isFalse();
    assertThat(values.isShown("only_basic")).isFalse();
    assertThat(values.isShown("pick")).isFalse();
    assertThat(values.isShown("pick_a")).isFalse();
    assertThat(values.isShown("no_such_item")).isFalse();
  }
}
