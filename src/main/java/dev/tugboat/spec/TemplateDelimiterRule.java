package dev.tugboat.spec;

import java.util.Map;
import java.util.Optional;

/**
 * {@code template-delimiters}: every {@code {{repl} action is closed by {@code }}}. Only the
 * delimiters are checked here; full parsing belongs to the template package, which reports through
 * the same {@link Problem} output (see {@link ProblemSource}).
 */
final class TemplateDelimiterRule {
  static final String ID = "template-delimiters";

  private TemplateDelimiterRule() {}

  static ValidationRule rule() {
    return ValidationRule.of(ID, TemplateDelimiterRule::check);
  }

  static void check(AppSpec spec, Findings findings) {
    for (Map.Entry<String, String> value : spec.sourceMap().templatedValues().entrySet()) {
      unclosedAction(value.getValue()).ifPresent(offset -> findings.error(value.getKey(),
          "a " + Templates.OPEN + " action is not closed with }} (" + describe(value.getValue(), offset)
              + "); close it, or check the quotes inside it"));
    }
  }

  /** The offset of the first action that does not close. */
  static Optional<Integer> unclosedAction(String text) {
    return Templates.actions(text).stream().filter(a -> !a.closed()).map(Templates.Action::start).findFirst();
  }

  /** "line 3 of the value: ..." for multi-line values, "at character 12: ..." otherwise. */
  private static String describe(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = text.indexOf('\n', offset);
    String excerpt = text.substring(offset, lineEnd < 0 ? text.length() : lineEnd).strip();
    if (excerpt.length() > 50) {
      excerpt = excerpt.substring(0, 50) + "...";
    }
    long line = text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    String where = text.indexOf('\n') < 0
        ? "at character " + (offset + 1) + " of the value"
        : "line " + line + " of the value, column " + (offset - lineStart + 1);
    return where + ": " + excerpt;
  }
}
