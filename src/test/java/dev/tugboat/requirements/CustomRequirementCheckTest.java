package dev.tugboat.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.config.HostAddresses;
import dev.tugboat.orchestrator.ConfigMapEnvironment;
import dev.tugboat.spec.CustomRequirementSpec;
import dev.tugboat.spec.CustomRequirementSpec.Condition;
import dev.tugboat.spec.CustomRequirementSpec.Message;
import dev.tugboat.spec.CustomRequirementSpec.Result;
import dev.tugboat.template.TemplateEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomRequirementCheckTest {

  private static final TemplateEnvironment ENV = new ConfigMapEnvironment(Map.of("schema", "2", "check", "0"),
      new HostAddresses("10.0.0.5", "203.0.113.9", "172.17.0.1", Map.of()));

  private static Result result(String status, String message, Optional<String> code, String expr) {
    return new Result(status, Message.of(message), new Condition(code, Optional.empty(), expr));
  }

  private static CustomRequirementSpec req(String when, List<Result> results) {
    return new CustomRequirementSpec("custom_requirements[0]", "schema-version",
        Message.of("Database schema is at the correct version"), Message.of(""), when, results,
        new CustomRequirementSpec.Command("scheduler", "", Map.of()));
  }

  private static final List<Result> SCHEMA = List.of(
      result("success", "Schema is at version 2", Optional.of("0"),
          "{{repl Trim .Result | eq (ConfigOption \"schema\") }}"),
      new Result("error", new Message("Schema is at version {{.version}}; upgrade it to 2",
          Map.of("version", "{{repl Trim .Result }}")),
          new Condition(Optional.of("0"), Optional.empty(), "")),
      new Result("warn", new Message("Unexpected status {{ .code }}",
          Map.of("code", "{{repl .StatusCode }}")), new Condition(Optional.empty(), Optional.of("false"), "")));

  @Test
  void theFirstMatchingResultGivesStatusAndMessage() {
    assertThat(CustomRequirementCheck.judge(req("", SCHEMA), CommandOutcome.of(0, "2"), ENV).toText())
        .isEqualTo("schema-version (custom): have exit 0: 2: ok - Schema is at version 2");
    CheckResult old = CustomRequirementCheck.judge(req("", SCHEMA), CommandOutcome.of(0, "1"), ENV);
    assertThat(old.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(old.message()).isEqualTo("Schema is at version 1; upgrade it to 2");
    CheckResult odd = CustomRequirementCheck.judge(req("", SCHEMA), CommandOutcome.of(3, ""), ENV);
    assertThat(odd.verdict()).isEqualTo(Verdict.WARN);
    assertThat(odd.message()).isEqualTo("Unexpected status 3");
  }

  @Test
  void noMatchingResultIsAnError() {
    CheckResult none = CustomRequirementCheck.judge(req("", SCHEMA),
        CommandOutcome.failed(62, "timed out after 15 s"), ENV);
    assertThat(none.toText()).isEqualTo("schema-version (custom): have error 62: timed out after"
        + " 15 s: error - no result of \"Database schema is at the correct version\" matched what"
        + " the command gave");
  }

  @Test
  void aResultWithoutConditionAlwaysMatches() {
    List<Result> results = List.of(result("success", "exists", Optional.of("0"), ""),
        result("warn", "could not tell", Optional.empty(), ""));
    assertThat(CustomRequirementCheck.judge(req("", results), CommandOutcome.of(1, "no"), ENV)
        .verdict()).isEqualTo(Verdict.WARN);
  }

  @Test
  void whenDecidesWhetherItRuns() {
    assertThat(CustomRequirementCheck.applies(req("", SCHEMA), ENV)).isTrue();
    assertThat(CustomRequirementCheck.applies(req("{{repl ConfigOptionEquals \"check\" \"1\" }}", SCHEMA), ENV))
        .isFalse();
    assertThat(CustomRequirementCheck.applies(req("{{repl ConfigOptionEquals \"check\" \"0\" }}", SCHEMA), ENV))
        .isTrue();
    assertThat(CustomRequirementCheck.skipped(req("false", SCHEMA)).toText())
        .isEqualTo("schema-version (custom): have -: not checked - its when is false");
  }
}
