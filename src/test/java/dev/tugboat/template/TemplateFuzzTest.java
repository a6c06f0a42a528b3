package dev.tugboat.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, parsing and rendering either succeed or throw {@link TemplateException}:
 * 120,000 generated inputs (random token soup and mutations of valid templates, fixed seed, so a
 * failure reproduces), each parsed and rendered.
 */
class TemplateFuzzTest {
  private static final int RANDOM_INPUTS = 60_000;
  private static final int MUTATED_INPUTS = 60_000;

  private static final List<String> FRAGMENTS =
      List.of(
          "{{repl ", "{{repl", "{{repl- ", " -}}", "}}", "}", "{{", " ", "  ", "\n", "\t", "-", "+",
          "(", ")", "((", "))", "|", " | ", "$", "$x", "$i", "$v", "$x := ", "$x = ", "$i, $v := ",
          ",", ":", ":=", "=", "\"", "\"a\"", "\"\"", "\"\\n\"", "\"\\x\"", "\"\\u00e9\"", "`raw`", "`",
          "'a'", "'", "'\\n'", ".", ".Field", "..", "0", "1", "-1", "2.5", "1e3", "0x1F", "1_0", "0b2",
          "9999999999999999999999", "1i", "nil", "true", "false", "if ", "else ", "else if ", "end",
          "range ", "with ", "break", "continue", "template ", "define ", "/*", "*/", "\\", "%", "#",
          "é", "\u0000", "\uD83D\uDE00", "\uD800", "eq ", "ne ", "lt ", "le ", "gt ", "ge ", "and ",
          "or ", "not ", "len ", "index ", "slice ", "print ", "printf ", "println ", "\"%d %s %v %q\"",
          "\"%5.2f%-3x%#v%!\"", "ConfigOption ", "\"hostname\"", "\"nope\"", "ConfigOptionEquals ",
          "Split ", "\",\"", "\"a,b,c\"", "HostPrivateIpAddressAll ", "\"C\" \"c\"", "NodePrivateIPAddress ",
          "ContainerExposedPort ", "\"C\" \"c\" \"9042\"", "Add ", "Sub ", "Mult ", "Div ", "ParseInt ",
          "ParseFloat ", "ParseBool ", "ParseUint ", "HumanSize ", "NowFmt ", "\"2006-01-02 .000 Z07:00\"",
          "Now", "Trim ", "TrimSpace ", "ToUpper ", "ToLower ", "UrlEncode ", "Base64Encode ",
          "Base64Decode ", "AppVersion", "RunOffline", "ThisHostInterfaceAddress ", "Unknown ");

  private static final List<String> VALID =
      List.of(
          "{{repl range $i, $h := HostPrivateIpAddressAll \"C\" \"c\" }}{{repl if eq $i 1}},{{repl end}}"
              + "{{repl if lt $i 2}}{{repl $h}}{{repl end}}{{repl end}}",
          "http://{{repl ConfigOption \"hostname\" }}:{{repl ContainerExposedPort \"C\" \"c\" \"9042\" }}/x",
          "{{repl if ConfigOptionEquals \"http_enabled\" \"1\"}}a{{repl else if eq 1 2}}b{{repl else}}c{{repl end}}",
          "{{repl with $x := ConfigOption \"hostname\"}}{{repl $x | ToUpper | printf \"%s-%d\" }}{{repl end}}",
          "{{repl index (Split (index (Split (ConfigOption \"github_url\") \"/\") 2) \":\") 0}}",
          "a {{repl- printf \"%05.1f|%x|%q\" 3.14159 255 \"q\" -}} b {{repl/* c */}}",
          "{{repl $n := 0}}{{repl range Split \"a,b,c\" \",\"}}{{repl $n = Add $n 1}}{{repl if eq $n 2}}{{repl break}}{{repl end}}{{repl end}}{{repl $n}}",
          "{{repl HumanSize (Mult (ParseInt \"12\") 1000)}} {{repl NowFmt \"Mon Jan _2 15:04:05 MST 2006\"}}",
          "{{repl and (or 0 \"\") (not false)}} {{repl slice \"hello\" 1 3}} {{repl len (Split \"\" \"\")}}");

  @Test
  void onlyTemplateExceptionsEscape() {
    Random random = new Random(20261122L);
    FakeEnvironment env = FakeEnvironment.standard();
    int parsed = 0;
    for (int i = 0; i < RANDOM_INPUTS; i++) {
      parsed += check(soup(random), env);
    }
    for (int i = 0; i < MUTATED_INPUTS; i++) {
      parsed += check(mutate(VALID.get(random.nextInt(VALID.size())), random), env);
    }
    // The generators must reach the evaluator, not only the parser's error paths.
    assertThat(parsed).isGreaterThan((RANDOM_INPUTS + MUTATED_INPUTS) / 10);
  }

  /** Returns 1 when the input parsed. */
  private static int check(String input, TemplateEnvironment env) {
    Template template;
    try {
      template = Template.parse(input, "fuzz");
    } catch (TemplateException expected) {
      checkPosition(expected, input);
      return 0;
    } catch (Throwable t) {
      throw new AssertionError("parse threw " + t + " for input: " + escape(input), t);
    }
    try {
      template.render(env);
      template.containerReferences();
    } catch (TemplateException expected) {
      checkPosition(expected, input);
    } catch (Throwable t) {
      throw new AssertionError("render threw " + t + " for input: " + escape(input), t);
    }
    return 1;
  }

  private static void checkPosition(TemplateException e, String input) {
    if (e.line() < 1 || e.column() < 1 || e.detail() == null || e.detail().isEmpty()) {
      fail("bad position or message " + e.getMessage() + " for input: " + escape(input));
    }
  }

  private static String soup(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(24);
    for (int i = 0; i < n; i++) {
      b.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
    }
    return b.toString();
  }

  private static String mutate(String valid, Random random) {
    StringBuilder b = new StringBuilder(valid);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(b.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(6)));
        case 2 -> {
          if (at < b.length()) {
            b.setCharAt(at, (char) (32 + random.nextInt(95)));
          }
        }
        default -> {
          int end = Math.min(b.length(), at + random.nextInt(20));
          b.insert(at, b.substring(at, end));
        }
      }
    }
    return b.toString();
  }

  private static String escape(String s) {
    return GoStrings.quote(s);
  }
}
