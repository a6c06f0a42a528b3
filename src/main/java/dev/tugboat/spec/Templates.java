package dev.tugboat.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * What this package knows of templates: only where their actions are. The template package parses
 * them. An action runs from {@code {{repl} to the first {@code }}} outside Go's quoted strings.
 */
final class Templates {
  static final String OPEN = "{{repl";

  private Templates() {}

  /** One {@code {{repl ...}}} action: {@code end} is after its {@code }}}, or -1 if it never closes. */
  record Action(int start, int end) {
    boolean closed() {
      return end >= 0;
    }
  }

  /** True when the value holds a {@code {{repl}}} action, so its final text is known only once rendered. */
  static boolean isTemplated(String value) {
    return value.contains(OPEN);
  }

  /** The actions of {@code text} in order; scanning stops after one that does not close. */
  static List<Action> actions(String text) {
    List<Action> actions = new ArrayList<>();
    int start = text.indexOf(OPEN);
    while (start >= 0) {
      int end = closeOf(text, start + OPEN.length());
      actions.add(new Action(start, end));
      if (end < 0) {
        break;
      }
      start = text.indexOf(OPEN, end);
    }
    return actions;
  }

  /** The offset after the {@code }}} that closes an action whose body starts at {@code from}, or -1. */
  private static int closeOf(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '`' || c == '\'') {
        i = afterQuoted(text, i, c);
        if (i < 0) {
          return -1;
        }
      } else if (text.startsWith("}}", i)) {
        return i + 2;
      } else if (text.startsWith("{{", i)) {
        return -1;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static int afterQuoted(String text, int open, char quote) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n' && quote != '`') {
        return -1;
      }
    }
    return -1;
  }
}
