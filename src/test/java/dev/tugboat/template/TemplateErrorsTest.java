package dev.tugboat.template;

import static dev.tugboat.template.Render.FIELD;
import static dev.tugboat.template.Render.detail;
import static dev.tugboat.template.Render.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a vendor reads when a template is wrong: Go's wording, the field, line and column. */
class TemplateErrorsTest {

  @Test
  void unknownFunctionNamesTheFieldThePositionAndTheLikelyName() {
    assertThat(error("{{repl ConfigOptoin \"hostname\"}}"))
        .isEqualTo(FIELD + ":1:8: unknown function \"ConfigOptoin\" (did you mean ConfigOption?)");
    assertThat(error("x\n  y {{repl hostPrivateIPAddress \"a\" \"b\"}}"))
        .isEqualTo(FIELD + ":2:12: unknown function \"hostPrivateIPAddress\" (did you mean HostPrivateIpAddress?)");
    assertThat(detail("{{repl Frobnicate}}")).isEqualTo("unknown function \"Frobnicate\"");
  }

  @Test
  void exceptionExposesItsParts() {
    TemplateException e =
        Render.thrown(() -> Template.parse("ab\n{{repl ContainerExposedPort \"db\" \"postgres\"}}", "cmd"));
    assertThat(e.fieldPath()).isEqualTo("cmd");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.detail()).isEqualTo("wrong number of args for ContainerExposedPort: want 3 got 2");
    assertThat(e.getMessage()).isEqualTo("cmd:2:8: wrong number of args for ContainerExposedPort: want 3 got 2");
    assertThat(e.isUnavailableFact()).isFalse();
  }

  @Test
  void withoutAFieldPathTheMessageStartsWithThePosition() {
    TemplateException e =
        Render.thrown(() -> Template.parse("{{repl end}}", null));
    assertThat(e.getMessage()).isEqualTo("1:8: unexpected {{end}}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl ConfigOption \"x\" => 1:1: unclosed action",
        "abc {{repl  => 1:5: unclosed action",
        "{{repl if true}}x => 1:8: unexpected EOF: {{if}} has no matching {{end}}",
        "{{repl range Split \"a\" \",\"}} => 1:8: unexpected EOF: {{range}} has no matching {{end}}",
        "{{repl end}} => 1:8: unexpected {{end}}",
        "{{repl else}} => 1:8: unexpected {{else}}",
        "{{repl if true}}a{{repl else}}b{{repl else}}c{{repl end}} => 1:39: expected end; found {{else}}",
        "{{repl}} => 1:7: missing value for command",
        "{{repl if}}x{{repl end}} => 1:10: missing value for if",
        "{{repl \"abc}} => 1:8: unterminated quoted string",
        "{{repl `abc}} => 1:8: unterminated raw quoted string",
        "{{repl (ToUpper \"a\"}} => 1:20: unclosed left paren",
        "{{repl ToUpper \"a\")}} => 1:19: unexpected right paren",
        "{{repl $x}} => 1:8: undefined variable \"$x\"",
        "{{repl $x = 1}} => 1:8: undefined variable \"$x\"",
        "{{repl 3abc}} => 1:8: bad number syntax: \"3a\"",
        "{{repl 1 | 2}} => 1:12: non executable command in pipeline stage 2",
        "{{repl \"a\" \"b\"}} => 1:8: can't give argument to non-function \"a\"",
        "{{repl break}} => 1:8: {{break}} outside {{range}}",
        "{{repl template \"x\"}} => 1:8: {{template}} is not supported in {{repl}} templates",
        "{{repl $x:y}} => 1:10: expected :=",
        "{{repl 1i}} => 1:8: complex number 1i is not supported",
        "{{repl \"\\q\"}} => 1:8: invalid syntax in string \"\\q\"",
        "{{repl ToUpper #}} => 1:16: unexpected \"#\" in operand",
        "{{repl \"a\".x}} => 1:8: unexpected . after term \"\\\"a\\\"\"",
        "{{repl/* x }} => 1:1: unclosed comment",
        "{{repl/* x */ 1}} => 1:1: comment ends before closing delimiter",
        "{{repl nil}} => 1:8: nil is not a command",
        "{{repl $i, $v := Split \"a\" \",\"}} => 1:10: too many declarations in command",
        "{{repl range $i, 3}}{{repl end}} => 1:18: range can only initialize variables",
      })
  void parseErrors(String template, String expected) {
    assertThat(error(template)).isEqualTo(FIELD + ":" + expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl range \"abc\"}}{{repl end}} => 1:14: range can't iterate over \"abc\"",
        "{{repl range true}}{{repl end}} => 1:14: range can't iterate over true",
        "{{repl ConfigOption 3}} => 1:21: expected string; found 3",
        "{{repl ConfigOption (Add 1 2)}} => 1:21: wrong type for value; expected string; got int",
        "{{repl ConfigOption .}} => 1:21: invalid value; expected string",
        "{{repl ConfigOption nil}} => 1:21: cannot assign nil to string",
        "{{repl ParseInt \"10\" 1.5}} => 1:22: expected integer; found 1.5",
        "{{repl 3 | ConfigOption}} => 1:12: wrong type for value; expected string; got int",
        "{{repl ConfigOption \"nope\"}} => 1:8: error calling ConfigOption: no config item named \"nope\"",
        "{{repl ParseInt \"abc\"}} => 1:8: error calling ParseInt: strconv.ParseInt: parsing \"abc\": invalid syntax",
        "{{repl Div 1 0}} => 1:8: error calling Div: runtime error: integer divide by zero",
        "{{repl index (Split \"a\" \",\") 5}} => 1:8: error calling index: index out of range: 5",
        "{{repl eq 1 \"1\"}} => 1:8: error calling eq: incompatible types for comparison",
        "{{repl lt true false}} => 1:8: error calling lt: invalid type for comparison",
        "{{repl $x := \"s\"}}{{repl $x.Field}} => 1:26: can't evaluate field Field in type string",
      })
  void evaluationErrors(String template, String expected) {
    assertThat(error(template)).isEqualTo(FIELD + ":" + expected);
  }

  @Test
  void wrongArgumentCountsAreFoundWhenParsing() {
    assertThat(detail("{{repl if false}}{{repl ContainerExposedPort \"DB\" \"redis\"}}{{repl end}}"))
        .isEqualTo("wrong number of args for ContainerExposedPort: want 3 got 2");
    assertThat(detail("{{repl \"x\" | ConfigOption \"y\"}}")).isEqualTo("wrong number of args for ConfigOption: want 1 got 2");
    assertThat(detail("{{repl printf}}")).isEqualTo("wrong number of args for printf: want at least 1 got 0");
    assertThat(detail("{{repl ToUpper ConfigOption}}")).isEqualTo("wrong number of args for ConfigOption: want 1 got 0");
  }

  @Test
  void aFactNotKnownYetIsMarkedSo() {
    FakeEnvironment env = FakeEnvironment.standard().notStarted("db/postgres");
    TemplateException e =
        Render.thrown(() -> Render.render("host={{repl NodePrivateIPAddress \"db\" \"postgres\"}}", env));
    assertThat(e.isUnavailableFact()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo(FIELD + ":1:13: error calling NodePrivateIPAddress: container db/postgres has not started yet");
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "{{repl " + "(".repeat(5000) + "1" + ")".repeat(5000) + "}}";
    assertThat(detail(deep)).isEqualTo("template nested too deeply (more than 100 levels)");
    String ifs = "{{repl if true}}".repeat(300) + "{{repl end}}".repeat(300);
    assertThat(detail(ifs)).isEqualTo("template nested too deeply (more than 100 levels)");
  }

  @Test
  void runawayRangesStop() {
    String big = "{{repl $s := Split \"" + "x".repeat(3000) + "\" \"\"}}"
        + "{{repl range $s}}{{repl range $s}}{{repl range $s}}{{repl end}}{{repl end}}{{repl end}}";
    assertThat(detail(big)).isEqualTo("template evaluation exceeded 5000000 steps");
    String wide = "{{repl $s := Split \"" + "x".repeat(3000) + "\" \"\"}}"
        + "{{repl range $s}}{{repl range $s}}{{repl $s}}{{repl end}}{{repl end}}";
    assertThat(detail(wide)).isEqualTo("template output exceeds 8388608 characters");
  }
}
