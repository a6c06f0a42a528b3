package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static dev.tugboat.spec.RuleCheck.webAndDb;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateDelimiterRuleTest {
  private static String withEnv(String value) {
    return webAndDb("", "env_vars:\n- name: DB\n  value: '" + value + "'");
  }

  @Test
  void closedActionsPass() {
    assertThat(problems("template-delimiters",
        withEnv("{{repl ConfigOption \"a\" }}:{{repl print \"}}\" }}"))).isEmpty();
    assertThat(problems("template-delimiters", withEnv("plain {{ go template }} text"))).isEmpty();
  }

  @Test
  void anUnclosedActionIsAnError() {
    assertThat(problems("template-delimiters", withEnv("x={{repl ConfigOption \"a\" ")))
        .containsExactly("app.yml:27:14: error [template-delimiters] a {{repl action is not closed"
            + " with }} (at character 3 of the value: {{repl ConfigOption \"a\"); close it, or check"
            + " the quotes inside it");
  }

  @Test
  void anUnclosedQuoteKeepsTheActionOpen() {
    assertThat(problems("template-delimiters", withEnv("{{repl ConfigOption \"a }}"))).hasSize(1);
  }

  @Test
  void multiLineValuesSayWhichLine() {
    String spec = webAndDb("", """
        config_files:
        - filename: /etc/app.conf
          contents: |
            server {
              name {{repl ConfigOption "host" ;
            }""");
    assertThat(problems("template-delimiters", spec))
        .containsExactly("app.yml:27:17: error [template-delimiters] a {{repl action is not closed"
            + " with }} (line 2 of the value, column 8: {{repl ConfigOption \"host\" ;); close it, or"
            + " check the quotes inside it");
  }
}
