package dev.tugboat.spec;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** One-line descriptions of SnakeYAML's errors, which otherwise span several lines with a snippet. */
final class YamlErrors {
  private YamlErrors() {}

  static SpecLoadException loadError(String fileName, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    SourcePosition where = mark == null ? null
        : new SourcePosition(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    StringBuilder what = new StringBuilder();
    if (e.getContext() != null) {
      what.append(e.getContext()).append(": ");
    }
    what.append(e.getProblem() == null ? "unreadable YAML" : e.getProblem());
    return new SpecLoadException(fileName, where, "YAML syntax error: " + oneLine(what.toString()), e);
  }

  static String describe(YAMLException e) {
    String message = e.getMessage() == null ? "unreadable YAML" : oneLine(e.getMessage());
    if (message.contains("aliases")) {
      return "too many YAML aliases (" + message + "); an alias bomb is refused";
    }
    if (message.contains("exceeds the limit")) {
      return "the file is larger than the " + SpecLoader.MAX_FILE_BYTES + "-character limit for a spec";
    }
    if (message.contains("Nesting Depth")) {
      return "the YAML is nested more than " + SpecLoader.MAX_NESTING_DEPTH + " levels deep";
    }
    return "YAML error: " + message;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ").trim();
  }
}
