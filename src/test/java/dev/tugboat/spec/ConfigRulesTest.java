package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigRulesTest {
  private static final String SPEC = """
      replicated_api_version: 2.8.0
      name: Shop
      cmds:
      - name: pw
        cmd: %s
        args: ["16"]
      config:
      - name: db
        title: Database
        items:
        - name: %s
          type: %s
          value_cmd: {name: %s, value_at: 0}
        - name: mode
          type: select_one
          items:
          - {name: fast, title: Fast}
          - {name: %s, title: Safe}
      """;

  private static String spec(String cmd, String itemName, String type, String cmdRef, String option) {
    return SPEC.formatted(cmd, itemName, type, cmdRef, option);
  }

  private static String sound() {
    return spec("random", "db_password", "password", "pw", "safe");
  }

  @Test
  void itemNamesAreUnique() {
    assertThat(problems("config-item-unique", sound())).isEmpty();
    assertThat(problems("config-item-unique", spec("random", "mode", "password", "pw", "safe")))
        .containsExactly("app.yml:14:11: error [config-item-unique] config item name \"mode\" is"
            + " already used at line 11; names must be unique");
    assertThat(problems("config-item-unique", spec("random", "db_password", "password", "pw", "fast")))
        .containsExactly("app.yml:18:14: error [config-item-unique] option of mode, name \"fast\" is"
            + " already used at line 17; names must be unique");
  }

  @Test
  void itemTypesAreKnown() {
    assertThat(problems("config-item-type", sound())).isEmpty();
    assertThat(problems("config-item-type", spec("random", "db_password", "passwd", "pw", "safe")))
        .containsExactly("app.yml:12:11: error [config-item-type] config item db_password has unknown"
            + " type \"passwd\" (did you mean password?); use one of text, password, textarea, bool,"
            + " select_one, select_many, file, label, heading");
  }

  @Test
  void selectItemsHaveOptions() {
    assertThat(problems("select-options", sound())).isEmpty();
    assertThat(problems("select-options", spec("random", "db_password", "select_many", "pw", "safe")))
        .containsExactly("app.yml:11:5: error [select-options] select_many item db_password has no"
            + " options; list them under \"items\" with a name and title each");
  }

  @Test
  void cmdReferencesNameADefinedCommand() {
    assertThat(problems("cmd-ref-exists", sound())).isEmpty();
    assertThat(problems("cmd-ref-exists", spec("random", "db_password", "password", "pww", "safe")))
        .containsExactly("app.yml:13:23: error [cmd-ref-exists] value_cmd of config item db_password"
            + " names command \"pww\", which is not in cmds (did you mean pw?)");
  }

  @Test
  void commandsAreKnown() {
    assertThat(problems("known-cmd", sound())).isEmpty();
    assertThat(problems("known-cmd", spec("randum", "db_password", "password", "pw", "safe")))
        .containsExactly("app.yml:5:8: error [known-cmd] command pw uses unknown cmd \"randum\" (did"
            + " you mean random?); known: random, publicip, cert, system_uuid, echo");
  }

  @Test
  void randomHasItsLength() {
    String random = "replicated_api_version: 2.8.0\nname: Shop\ncmds:\n- name: pw\n  cmd: random\n";
    assertThat(problems("cmd-args", random + "  args: [\"16\"]\n")).isEmpty();
    assertThat(problems("cmd-args", random))
        .containsExactly("app.yml:4:3: error [cmd-args] command pw: random takes LENGTH [CHARSET]"
            + " (e.g. [\"32\"] or [\"16\", \"[a-f0-9]\"]), got 0 arguments");
    assertThat(problems("cmd-args", random + "  args: [\"16\", \"[a-z]\", \"x\"]\n"))
        .containsExactly("app.yml:6:9: error [cmd-args] command pw: random takes LENGTH [CHARSET]"
            + " (e.g. [\"32\"] or [\"16\", \"[a-f0-9]\"]), got 3 arguments");
  }
}
