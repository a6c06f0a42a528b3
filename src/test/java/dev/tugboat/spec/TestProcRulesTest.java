package dev.tugboat.spec;

import static dev.tugboat.spec.RuleCheck.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A config item's test_proc runs when it has a custom_command Tugboat can run, checked as a custom
 * requirement's; Replicated's built-in tests cannot run here and say so.
 */
class TestProcRulesTest {

  private static String item(String testProc) {
    return """
        replicated_api_version: 2.8.0
        name: Shop
        config:
        - name: mail
          items:
          - name: smtp_host
            type: text
            test_proc:
        %s
        components:
        - name: web
          containers:
          - {source: public, image_name: shop, version: "1"}
        """.formatted(testProc.indent(6).stripTrailing());
  }

  @Test
  void aCustomCommandIsReadAsACustomRequirementsCommandAndResults() throws Exception {
    AppSpec spec = new SpecLoader().load(item("""
        display_name: Test SMTP
        run_on_save: true
        custom_command:
          id: scheduler
          data: {component: web, container: shop, cmd: '["check-smtp"]'}
        results:
        - {status: success, message: Reached, condition: {status_code: 0}}
        """), "app.yml").spec();

    TestProcSpec proc = TestProcs.of(spec, "smtp_host").orElseThrow();
    assertThat(proc.shownAs()).isEqualTo("Test SMTP");
    assertThat(proc.runOnSave()).isTrue();
    assertThat(proc.check().orElseThrow().command().id()).isEqualTo("scheduler");
    assertThat(proc.check().orElseThrow().results()).hasSize(1);
    assertThat(TestProcs.of(spec, "other")).isEmpty();
  }

  @Test
  void aValidTestHasNoProblemAndIsNoLongerANoEffectKey() {
    String yaml = item("""
        custom_command:
          id: scheduler
          data: {component: web, container: shop, cmd: '["check-smtp"]'}
        results:
        - {status: success, message: Reached, condition: {status_code: 0}}
        """);
    assertThat(problems(TestProcRules.ID, yaml)).isEmpty();
    assertThat(problems("no-effect", yaml)).isEmpty();
  }

  @Test
  void itsCommandAndResultsAreCheckedWhereTheyAreWritten() {
    assertThat(problems(TestProcRules.ID, item("""
        custom_command:
          id: scheduler
          data: {component: web, container: nothing, cmd: '["check-smtp"]'}
        results:
        - {status: maybe, message: Reached}
        """))).hasSize(2).allMatch(p -> p.contains("config[0].items[0].test_proc")
            || p.startsWith("app.yml:"));
  }

  @Test
  void aBuiltInTestOfReplicatedsIsAWarningThatSaysWhatToWrite() {
    assertThat(problems(TestProcRules.ID, item("""
        display_name: Resolve
        command: resolve_host
        arg_fields: [smtp_host]
        """))).singleElement().asString().contains("warning [test-proc] test_proc of config item"
            + " smtp_host runs Replicated's built-in test resolve_host, which Tugboat does not"
            + " have");
  }
}
