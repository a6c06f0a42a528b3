package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.List;
import java.util.Set;

/**
 * The part of Go's lexer that reads the inside of an action: operands, operators, quoted strings,
 * numbers and parentheses, up to the right delimiter.
 */
final class ActionLexer {
  private static final Set<String> KEYWORDS =
      Set.of("if", "else", "end", "range", "with", "break", "continue", "define", "template", "block");

  private final String src;
  private final List<Token> tokens;
  private int pos;
  private int parenDepth;

  ActionLexer(String src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  /**
   * Adds the tokens of the action starting at {@code from}; returns where its right delimiter
   * (or the space of a {@code " -}}"} trim marker) begins, or -1 after adding an error token.
   */
  int lex(int from, int actionStart) {
    pos = from;
    while (true) {
      if (Lexer.hasRightTrimMarker(src, pos) || src.startsWith(Lexer.RIGHT_DELIM, pos)) {
        if (parenDepth > 0) {
          error(pos, "unclosed left paren");
          return -1;
        }
        return pos;
      }
      if (pos >= src.length()) {
        error(actionStart, "unclosed action");
        return -1;
      }
      if (!lexActionItem()) {
        return -1;
      }
    }
  }

  private boolean lexActionItem() {
    char c = src.charAt(pos);
    int start = pos;
    if (Lexer.isSpace(c)) {
      while (pos < src.length() && Lexer.isSpace(src.charAt(pos)) && !Lexer.hasRightTrimMarker(src, pos)) {
        pos++;
      }
      return emit(Kind.SPACE, start);
    }
    switch (c) {
      case '=':
        pos++;
        return emit(Kind.ASSIGN, start);
      case ':':
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '=') {
          pos += 2;
          return emit(Kind.DECLARE, start);
        }
        return error(start, "expected :=");
      case '|':
        pos++;
        return emit(Kind.PIPE, start);
      case '"':
        return lexQuoted(start, '"', Kind.STRING, "unterminated quoted string");
      case '`':
        return lexRawQuote(start);
      case '\'':
        return lexQuoted(start, '\'', Kind.CHAR_CONSTANT, "unterminated character constant");
      case '$':
        pos++;
        return lexFieldOrVariable(start, Kind.VARIABLE);
      case '(':
        pos++;
        parenDepth++;
        return emit(Kind.LEFT_PAREN, start);
      case ')':
        pos++;
        if (--parenDepth < 0) {
          return error(start, "unexpected right paren");
        }
        return emit(Kind.RIGHT_PAREN, start);
      default:
        return lexOther(c, start);
    }
  }

  private boolean lexOther(char c, int start) {
    if (c == '.') {
      if (pos + 1 < src.length() && Lexer.isDigit(src.charAt(pos + 1))) {
        return lexNumber(start);
      }
      pos++;
      return lexFieldOrVariable(start, Kind.FIELD);
    }
    if (c == '+' || c == '-' || Lexer.isDigit(c)) {
      return lexNumber(start);
    }
    int cp = src.codePointAt(pos);
    if (Lexer.isAlphaNumeric(cp)) {
      return lexIdentifier(start);
    }
    if (cp < 0x7f && cp >= 0x20) {
      pos++;
      return emit(Kind.CHAR, start);
    }
    return error(start, "unrecognized character in action: " + Lexer.describeRune(cp));
  }

  private boolean lexIdentifier(int start) {
    while (pos < src.length() && Lexer.isAlphaNumeric(src.codePointAt(pos))) {
      pos += Character.charCount(src.codePointAt(pos));
    }
    if (!atTerminator()) {
      return error(pos, "bad character " + Lexer.describeRune(src.codePointAt(pos)));
    }
    String word = src.substring(start, pos);
    if (KEYWORDS.contains(word)) {
      return emit(Kind.KEYWORD, start);
    }
    if (word.equals("true") || word.equals("false")) {
      return emit(Kind.BOOL, start);
    }
    return emit(word.equals("nil") ? Kind.NIL : Kind.IDENTIFIER, start);
  }

  /** After a '.' or '$' at {@code start}: a field name or variable name, or the bare dot or '$'. */
  private boolean lexFieldOrVariable(int start, Kind kind) {
    if (atTerminator()) {
      return emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT, start);
    }
    while (pos < src.length() && Lexer.isAlphaNumeric(src.codePointAt(pos))) {
      pos += Character.charCount(src.codePointAt(pos));
    }
    if (!atTerminator()) {
      return error(pos, "bad character " + Lexer.describeRune(src.codePointAt(pos)));
    }
    return emit(kind, start);
  }

  private boolean atTerminator() {
    if (pos >= src.length()) {
      return true;
    }
    char c = src.charAt(pos);
    return Lexer.isSpace(c)
        || c == '.'
        || c == ','
        || c == '|'
        || c == ':'
        || c == ')'
        || c == '('
        || src.startsWith(Lexer.RIGHT_DELIM, pos);
  }

  private boolean lexNumber(int start) {
    if (!NumberScanner.scan(src, pos).map(end -> pos = end).isPresent()) {
      int end = NumberScanner.badEnd(src, pos);
      return error(start, "bad number syntax: \"" + src.substring(start, end) + "\"");
    }
    return emit(Kind.NUMBER, start);
  }

  /** A quoted string or character constant; a backslash escapes the next character. */
  private boolean lexQuoted(int start, char quote, Kind kind, String unterminated) {
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        return error(start, unterminated);
      }
      char c = src.charAt(pos++);
      if (c == '\\') {
        if (pos >= src.length() || src.charAt(pos) == '\n') {
          return error(start, unterminated);
        }
        pos++;
      } else if (c == quote) {
        return emit(kind, start);
      }
    }
  }

  private boolean lexRawQuote(int start) {
    int end = src.indexOf('`', pos + 1);
    if (end < 0) {
      return error(start, "unterminated raw quoted string");
    }
    pos = end + 1;
    return emit(Kind.RAW_STRING, start);
  }

  private boolean emit(Kind kind, int start) {
    tokens.add(new Token(kind, src.substring(start, pos), start));
    return true;
  }

  private boolean error(int at, String message) {
    tokens.add(new Token(Kind.ERROR, message, at));
    return false;
  }
}
