package dev.tugboat.template;

import static dev.tugboat.template.Render.detail;
import static dev.tugboat.template.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's builtin functions; expected values are what Go's text/template gives. */
class BuiltinsTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl eq 1 1}} => true",
        "{{repl eq 1 2}} => false",
        "{{repl eq \"a\" \"b\" \"c\" \"a\"}} => true",
        "{{repl eq \"a\" \"b\" \"c\"}} => false",
        "{{repl eq 1.5 1.5}} => true",
        "{{repl eq true true}} => true",
        "{{repl eq . .}} => true",
        "{{repl eq . \"x\"}} => false",
        "{{repl ne 1 2}} => true",
        "{{repl ne \"a\" \"a\"}} => false",
        "{{repl lt 1 2}} => true",
        "{{repl lt 2 1}} => false",
        "{{repl lt \"a\" \"b\"}} => true",
        "{{repl lt 1.5 2.5}} => true",
        "{{repl le 2 2}} => true",
        "{{repl le 3 2}} => false",
        "{{repl gt 3 2}} => true",
        "{{repl gt 2 2}} => false",
        "{{repl ge 2 2}} => true",
        "{{repl ge 1 2}} => false",
      })
  void comparisons(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl and 1 \"x\" true}} => true",
        "{{repl and 1 0 true}} => 0",
        "{{repl and \"\" (Div 1 0)}} => ''",
        "{{repl or 0 \"\" \"x\"}} => x",
        "{{repl or 0 \"\"}} => ''",
        "{{repl or \"first\" (Div 1 0)}} => first",
        "{{repl 5 | and 1}} => 5",
        "{{repl 0 | or \"\"}} => 0",
        "{{repl not true}} => false",
        "{{repl not \"\"}} => true",
        "{{repl not (Split \"\" \"\")}} => true",
      })
  void logicIsShortCircuitedAndReturnsOperands(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl len \"abc\"}} => 3",
        "{{repl len \"é\"}} => 2",
        "{{repl len (Split \"a,b,c\" \",\")}} => 3",
        "{{repl index (Split \"a,b,c\" \",\") 1}} => b",
        "{{repl index \"abc\" 1}} => 98",
        "{{repl index (Split \"a,b\" \",\")}} => [a b]",
        "{{repl slice (Split \"a,b,c\" \",\") 1}} => [b c]",
        "{{repl slice (Split \"a,b,c\" \",\") 1 2}} => [b]",
        "{{repl slice \"hello\" 1 3}} => el",
        "{{repl print \"a\" \"b\"}} => ab",
        "{{repl print 1 2}} => 1 2",
        "{{repl print \"a\" 1 2 \"b\" true}} => a1 2btrue",
        "{{repl print 1.5 (Split \"x,y\" \",\") nil}} => 1.5 [x y] <nil>",
        "{{repl println \"a\" 1 | printf \"%q\"}} => \"a 1\\n\"",
        "{{repl html \"<a href='x'>&\\\"\"}} => &lt;a href=&#39;x&#39;&gt;&amp;&#34;",
        "{{repl urlquery \"a b&c\"}} => a+b%26c",
      })
  void lengthIndexSliceAndPrinting(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "%s|\"x\" => x",
        "%d|42 => 42",
        "%5d|42 => '   42'",
        "%-5d|42 => '42   '",
        "%05d|-42 => -0042",
        "%+d|42 => +42",
        "%x|255 => ff",
        "%X|255 => FF",
        "%#x|255 => 0xff",
        "%o|8 => 10",
        "%b|5 => 101",
        "%c|65 => A",
        "%q|65 => '''A'''",
        "%U|65 => U+0041",
        "%v|1.5 => 1.5",
        "%f|2.5 => 2.500000",
        "%.2f|3.14159 => 3.14",
        "%8.3f|3.14159 => '   3.142'",
        "%e|123456.789 => 1.234568e+05",
        "%g|0.000012345 => 1.2345e-05",
        "%.3g|3.14159 => 3.14",
        "%t|true => true",
        "%v|true => true",
        "%q|\"a\\\"b\" => \"a\\\"b\"",
        "%x|\"hi\" => 6869",
        "%.2s|\"abc\" => ab",
        "%10s|\"abc\" => '       abc'",
        "%-4s|\"ab\" => 'ab  '",
        "%%|1 => %%!(EXTRA int=1)",
        "%d|\"x\" => %!d(string=x)",
        "%s|5 => %!s(int=5)",
        "%s|nil => %!s(<nil>)",
        "%v|nil => <nil>",
        "%d|1.5 => %!d(float64=1.5)",
        "%z|1 => %!z(int=1)",
      })
  void printfVerbs(String formatAndArg, String expected) {
    String[] parts = formatAndArg.split("\\|", 2);
    assertThat(render("{{repl printf \"" + parts[0] + "\" " + parts[1] + "}}")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl printf \"%s-%s\" \"a\"}} => a-%!s(MISSING)",
        "{{repl printf \"%d\" 1 2}} => 1%!(EXTRA int=2)",
        "{{repl printf \"%s\" (Split \"a,b\" \",\")}} => [a b]",
        "{{repl printf \"%q\" (Split \"a,b\" \",\")}} => [\"a\" \"b\"]",
        "{{repl printf \"%d%%\" 50}} => 50%",
        "{{repl printf \"x%\"}} => x%!(NOVERB)",
        "{{repl printf \"%s:%d\" (ConfigOption \"hostname\") 80}} => app.example.com:80",
      })
  void printfArguments(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "{{repl eq 1}} => error calling eq: missing argument for comparison",
        "{{repl eq 1 1.0}} => error calling eq: incompatible types for comparison",
        "{{repl eq (Split \"a\" \",\") 1}} => error calling eq: non-comparable type [a]: []string",
        "{{repl lt 1 \"a\"}} => error calling lt: incompatible types for comparison",
        "{{repl lt nil 1}} => error calling lt: invalid type for comparison",
        "{{repl len 3}} => error calling len: len of type int",
        "{{repl len .}} => error calling len: len of nil pointer",
        "{{repl index . 1}} => error calling index: index of untyped nil",
        "{{repl index 3 1}} => error calling index: can't index item of type int",
        "{{repl index (Split \"a\" \",\") \"0\"}} => error calling index: cannot index slice/array with type string",
        "{{repl index (Split \"a\" \",\") -1}} => error calling index: index out of range: -1",
        "{{repl slice \"abc\" 2 1}} => error calling slice: invalid slice index: 2 > 1",
        "{{repl not}} => wrong number of args for not: want 1 got 0",
        "{{repl and}} => wrong number of args for and: want at least 1 got 0",
        "{{repl lt 1}} => wrong number of args for lt: want 2 got 1",
        "{{repl printf 3}} => expected string; found 3",
      })
  void errors(String template, String expected) {
    assertThat(detail(template)).isEqualTo(expected);
  }
}
