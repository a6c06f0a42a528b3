package dev.tugboat.template;

import static dev.tugboat.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language's constructs, with expected results taken from Go's text/template semantics. */
class TemplateSyntaxTest {

  @Test
  void textOutsideActionsPassesThroughUntouched() {
    String nginx = "server { listen 80; location / { proxy_pass {{ upstream }}; } }\n{{.Go}} {{- x -}} {{ repl x }}";
    assertThat(render(nginx)).isEqualTo(nginx);
    assertThat(render("")).isEmpty();
    assertThat(render("{repl x}} }}")).isEqualTo("{repl x}} }}");
  }

  @Test
  void actionsAreReplacedInsideText() {
    assertThat(render("http://{{repl ConfigOption \"hostname\" }}/x"))
        .isEqualTo("http://app.example.com/x");
    assertThat(render("{{repl \"a\"}}{{repl \"b\"}}")).isEqualTo("ab");
    assertThat(render("{{replConfigOption \"hostname\"}}")).isEqualTo("app.example.com");
  }

  @Test
  void trimMarkersRemoveAdjacentWhiteSpaceAsGoDefines() {
    assertThat(render("a \n\t {{repl- \"x\" -}} \n b")).isEqualTo("axb");
    assertThat(render("a {{repl- \"x\" }} b")).isEqualTo("ax b");
    assertThat(render("a {{repl \"x\" -}} b")).isEqualTo("a xb");
    // "-3" without a following space is a number, not a trim marker.
    assertThat(render("a {{repl -3}} b")).isEqualTo("a -3 b");
    assertThat(render("{{repl 3 -}}\n\n{{repl- 4}}")).isEqualTo("34");
  }

  @Test
  void commentsProduceNothing() {
    assertThat(render("a{{repl/* a comment */}}b")).isEqualTo("ab");
    assertThat(render("a {{repl- /* trimmed */ -}} b")).isEqualTo("ab");
  }

  @Test
  void literals() {
    assertThat(render("{{repl \"q\\t\\\"x\\\"\\u00e9\"}}")).isEqualTo("q\t\"x\"é");
    assertThat(render("{{repl `raw \\n {{ }}`}}")).isEqualTo("raw \\n {{ }}");
    assertThat(render("{{repl 42}} {{repl -7}} {{repl 0x1F}} {{repl 0o17}} {{repl 0b101}} {{repl 1_000}}"))
        .isEqualTo("42 -7 31 15 5 1000");
    assertThat(render("{{repl 1.5}} {{repl 2.0}} {{repl 1e3}} {{repl .5}}")).isEqualTo("1.5 2 1000 0.5");
    assertThat(render("{{repl true}} {{repl false}}")).isEqualTo("true false");
    assertThat(render("{{repl 'a'}}")).isEqualTo("97");
    assertThat(render("{{repl print nil}}")).isEqualTo("<nil>");
  }

  @Test
  void dotIsNilAtTheTopLevel() {
    assertThat(render("{{repl .}}|{{repl $}}|{{repl .Missing}}")).isEqualTo("<no value>|<no value>|<no value>");
  }

  @Test
  void pipelinesPassTheValueAsTheLastArgument() {
    assertThat(render("{{repl ConfigOption \"hostname\" | ToUpper}}")).isEqualTo("APP.EXAMPLE.COM");
    assertThat(render("{{repl \"a,b,c\" | Split \",\" | len}}")).isEqualTo("1");
    assertThat(render("{{repl \",\" | Split \"a,b,c\" | len}}")).isEqualTo("3");
    assertThat(render("{{repl 3 | printf \"%d-%d\" 2}}")).isEqualTo("2-3");
    // Go's parser accepts a trailing '|' and ignores it.
    assertThat(render("{{repl \"a\" | }}")).isEqualTo("a");
  }

  @Test
  void parenthesizedCalls() {
    assertThat(render("{{repl Add (Mult 2 3) (Sub 10 (Div 8 2))}}")).isEqualTo("12");
    assertThat(render("{{repl index (Split (index (Split (ConfigOption \"github_url\") \"/\") 2) \":\") 0}}"))
        .isEqualTo("github.mycorp.internal");
    assertThat(render("{{repl (\"x\")}}")).isEqualTo("x");
  }

  @Test
  void variablesDeclareAssignAndScope() {
    assertThat(render("{{repl $x := \"a\"}}{{repl $x}}")).isEqualTo("a");
    assertThat(render("{{repl $x := 1}}{{repl if true}}{{repl $x = 2}}{{repl end}}{{repl $x}}")).isEqualTo("2");
    // A declaration inside a block ends with the block; the outer variable is untouched.
    assertThat(render("{{repl $x := 1}}{{repl if true}}{{repl $x := 2}}{{repl $x}}{{repl end}}{{repl $x}}"))
        .isEqualTo("21");
    assertThat(render("{{repl $h := ConfigOption \"hostname\"}}{{repl $h | len}}")).isEqualTo("15");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{repl if true}}T{{repl end}}|T",
        "{{repl if false}}T{{repl end}}|''",
        "{{repl if false}}T{{repl else}}F{{repl end}}|F",
        "{{repl if eq 1 2}}a{{repl else if eq 1 1}}b{{repl else}}c{{repl end}}|b",
        "{{repl if eq 1 2}}a{{repl else if eq 1 3}}b{{repl else}}c{{repl end}}|c",
        "{{repl if ConfigOptionEquals \"http_enabled\" \"1\"}}http{{repl end}}|http",
        "{{repl if $x := ConfigOption \"hostname\"}}{{repl $x}}{{repl else}}none{{repl end}}|app.example.com",
      })
  void ifElseIfElse(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"\"|false", "\"x\"|true", "0|false", "1|true", "-1|true", "0.0|false", "0.5|true",
        "false|false", "true|true", "(Split \"\" \",\")|true", "(Split \"\" \"\")|false", ".|false",
      })
  void truthinessFollowsGo(String value, String expected) {
    assertThat(render("{{repl if " + value + "}}true{{repl else}}false{{repl end}}")).isEqualTo(expected);
  }

  @Test
  void rangeOverListsWithIndexAndElse() {
    assertThat(render("{{repl range Split \"a,b,c\" \",\"}}[{{repl .}}]{{repl end}}")).isEqualTo("[a][b][c]");
    assertThat(render("{{repl range $v := Split \"a,b\" \",\"}}{{repl $v}};{{repl end}}")).isEqualTo("a;b;");
    assertThat(render("{{repl range $i, $v := Split \"a,b\" \",\"}}{{repl $i}}={{repl $v}} {{repl end}}"))
        .isEqualTo("0=a 1=b ");
    assertThat(render("{{repl range $i, $e := Split \"x,y,z\" \",\"}}{{repl if eq $i 1}},{{repl end}}{{repl $e}}{{repl end}}"))
        .isEqualTo("x,yz");
    assertThat(render("{{repl range Split \"\" \"\"}}x{{repl else}}empty{{repl end}}")).isEqualTo("empty");
    assertThat(render("{{repl range .}}x{{repl else}}nil{{repl end}}")).isEqualTo("nil");
    assertThat(render("{{repl range 3}}{{repl .}}{{repl end}}")).isEqualTo("012");
  }

  @Test
  void cassandraSeedsExpression() {
    String seeds =
        "{{repl range $i, $h := HostPrivateIpAddressAll \"C\" \"c\" }}{{repl if eq $i 1}},{{repl end}}"
            + "{{repl if lt $i 2}}{{repl $h}}{{repl end}}{{repl end}}";
    assertThat(render(seeds)).isEqualTo("10.0.0.1,10.0.0.2");
  }

  @Test
  void rangeVariablesAreScopedToTheRange() {
    assertThat(render("{{repl $v := \"out\"}}{{repl range $v := Split \"a\" \",\"}}{{repl $v}}{{repl end}}{{repl $v}}"))
        .isEqualTo("aout");
    assertThat(render("{{repl $last := \"\"}}{{repl range Split \"a,b\" \",\"}}{{repl $last = .}}{{repl end}}{{repl $last}}"))
        .isEqualTo("b");
  }

  @Test
  void rangeMayAssignExistingVariables() {
    assertThat(render("{{repl $i := 0}}{{repl $v := \"\"}}{{repl range $i, $v = Split \"a,b\" \",\"}}{{repl end}}{{repl $i}}{{repl $v}}"))
        .isEqualTo("1b");
  }

  @Test
  void breakAndContinue() {
    assertThat(render("{{repl range $i, $v := Split \"a,b,c,d\" \",\"}}{{repl if eq $i 2}}{{repl break}}{{repl end}}{{repl $v}}{{repl end}}"))
        .isEqualTo("ab");
    assertThat(render("{{repl range $i, $v := Split \"a,b,c\" \",\"}}{{repl if eq $i 1}}{{repl continue}}{{repl end}}{{repl $v}}{{repl end}}"))
        .isEqualTo("ac");
  }

  @Test
  void withSetsDotAndHasElse() {
    assertThat(render("{{repl with ConfigOption \"hostname\"}}<{{repl .}}>{{repl end}}")).isEqualTo("<app.example.com>");
    assertThat(render("{{repl with ConfigOption \"empty\"}}<{{repl .}}>{{repl else}}none{{repl end}}")).isEqualTo("none");
    assertThat(render("{{repl with \"\"}}a{{repl else with \"b\"}}{{repl .}}{{repl end}}")).isEqualTo("b");
    assertThat(render("{{repl with $x := \"v\"}}{{repl $x}}{{repl .}}{{repl end}}")).isEqualTo("vv");
  }

  @Test
  void actionsMaySpanLines() {
    assertThat(render("{{repl if\n  eq 1 1\n}}yes{{repl end}}")).isEqualTo("yes");
  }

  @Test
  void valuesPrintAsGoPrintsThem() {
    assertThat(render("{{repl Split \"a,b\" \",\"}}")).isEqualTo("[a b]");
    assertThat(render("{{repl ParseInt \"12\"}} {{repl ParseFloat \"1.50\"}} {{repl ParseBool \"t\"}}"))
        .isEqualTo("12 1.5 true");
    assertThat(render("{{repl 1000000.0}} {{repl 123456.0}} {{repl 0.0001}} {{repl 0.00001}}"))
        .isEqualTo("1e+06 123456 0.0001 1e-05");
  }
}
