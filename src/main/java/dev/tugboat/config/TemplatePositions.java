package dev.tugboat.config;

import dev.tugboat.spec.SourceMap;
import dev.tugboat.spec.SourcePosition;
import dev.tugboat.template.TemplateException;

/**
 * Turns a position inside a template (line and column of the template's own text) into a position
 * in the spec file, given where the field's value starts. Follows YAML's scalar styles: a quoted
 * value starts one column after its quote and its escapes ({@code \"}, {@code ''}) take more columns
 * than the characters they stand for; a block scalar ({@code |}, {@code >}) starts on the next line
 * at its indentation. Folded multi-line flow scalars are approximated line by line.
 */
public final class TemplatePositions {

  private TemplatePositions() {}

  /** Where in the spec file {@code error} is: its field's position plus the offset in the template. */
  public static SourcePosition of(SourceMap sourceMap, String specText, TemplateException error) {
    SourcePosition field = sourceMap.at(error.fieldPath());
    return sourceMap.contains(error.fieldPath())
        ? locate(specText, field, error.line(), error.column())
        : field;
  }

  public static SourcePosition locate(String specText, SourcePosition valueStart, int line, int column) {
    String[] lines = specText.split("\n", -1);
    int startLine = valueStart.line();
    if (startLine < 1 || startLine > lines.length) {
      return valueStart;
    }
    String first = lines[startLine - 1];
    int startIndex = Math.min(Math.max(valueStart.column() - 1, 0), first.length());
    char style = startIndex < first.length() ? first.charAt(startIndex) : ' ';
    if (style == '|' || style == '>') {
      int fileLine = startLine + line;
      if (fileLine > lines.length) {
        return valueStart;
      }
      return new SourcePosition(valueStart.file(), fileLine, blockIndent(lines, startLine) + column);
    }
    if (line > 1) {
      int fileLine = Math.min(startLine + line - 1, lines.length);
      return new SourcePosition(valueStart.file(), fileLine, indentOf(lines[fileLine - 1]) + column);
    }
    if (style == '"' || style == '\'') {
      int index = sourceIndex(first, startIndex + 1, column - 1, style);
      return new SourcePosition(valueStart.file(), startLine, index + 1);
    }
    return new SourcePosition(valueStart.file(), startLine, valueStart.column() + column - 1);
  }

  /** The index in {@code text} of the {@code chars}-th character of a quoted scalar starting at {@code from}. */
  private static int sourceIndex(String text, int from, int chars, char quote) {
    int index = from;
    for (int seen = 0; seen < chars && index < text.length(); seen++) {
      index += escapeLength(text, index, quote);
    }
    return index;
  }

  private static int escapeLength(String text, int index, char quote) {
    char c = text.charAt(index);
    if (quote == '\'' && c == '\'' && index + 1 < text.length() && text.charAt(index + 1) == '\'') {
      return 2;
    }
    if (quote == '"' && c == '\\' && index + 1 < text.length()) {
      return switch (text.charAt(index + 1)) {
        case 'x' -> 4;
        case 'u' -> 6;
        case 'U' -> 10;
        default -> 2;
      };
    }
    return 1;
  }

  /** A block scalar's indentation: that of its first non-blank line (YAML's auto-detection). */
  private static int blockIndent(String[] lines, int headerLine) {
    for (int i = headerLine; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        return indentOf(lines[i]);
      }
    }
    return 0;
  }

  private static int indentOf(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return indent;
  }
}
