package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a template into tokens the way Go's text/template lexer does, with Replicated's delimiters
 * {@code {{repl} and {@code }}}. Text outside actions, including a plain {@code {{ }}}, is passed
 * through. Trim markers ({@code {{repl- } and {@code  -}}}) remove the white space next to them. The
 * first lexical error ends the list with an {@link Kind#ERROR} token carrying Go's message.
 */
final class Lexer {
  static final String LEFT_DELIM = "{{repl";
  static final String RIGHT_DELIM = "}}";
  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";
  private static final Set<String> KEYWORDS =
      Set.of("if", "else", "end", "range", "with", "break", "continue", "define", "template", "block");

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int parenDepth;
  private boolean trimNextText;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> lex(String src) {
    Lexer lexer = new Lexer(src);
    lexer.run();
    return List.copyOf(lexer.tokens);
  }

  private void run() {
    while (true) {
      int delim = src.indexOf(LEFT_DELIM, pos);
      int textEnd = delim < 0 ? src.length() : delim;
      int afterDelim = textEnd + LEFT_DELIM.length();
      boolean trimLeft = delim >= 0 && hasLeftTrimMarker(afterDelim);
      emitText(pos, textEnd, trimLeft);
      if (delim < 0) {
        tokens.add(new Token(Kind.EOF, "", src.length()));
        return;
      }
      tokens.add(new Token(Kind.LEFT_DELIM, LEFT_DELIM, delim));
      pos = afterDelim + (trimLeft ? 2 : 0);
      boolean ok = src.startsWith(LEFT_COMMENT, pos) ? lexComment(delim) : lexAction(delim);
      if (!ok) {
        return;
      }
    }
  }

  private void emitText(int start, int end, boolean trimRight) {
    if (trimNextText) {
      while (start < end && isSpace(src.charAt(start))) {
        start++;
      }
      trimNextText = false;
    }
    if (trimRight) {
      while (end > start && isSpace(src.charAt(end - 1))) {
        end--;
      }
    }
    if (end > start) {
      tokens.add(new Token(Kind.TEXT, src.substring(start, end), start));
    }
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < src.length() && src.charAt(at) == '-' && isSpace(src.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < src.length()
        && isSpace(src.charAt(at))
        && src.charAt(at + 1) == '-'
        && src.startsWith(RIGHT_DELIM, at + 2);
  }

  /** Consumes a right delimiter at {@link #pos} if there is one. */
  private boolean lexRightDelim() {
    boolean trim = hasRightTrimMarker(pos);
    if (!trim && !src.startsWith(RIGHT_DELIM, pos)) {
      return false;
    }
    int start = pos;
    pos += (trim ? 2 : 0) + RIGHT_DELIM.length();
    tokens.add(new Token(Kind.RIGHT_DELIM, RIGHT_DELIM, start));
    trimNextText = trim;
    return true;
  }

  private boolean lexComment(int actionStart) {
    int end = src.indexOf(RIGHT_COMMENT, pos + LEFT_COMMENT.length());
    if (end < 0) {
      return error(actionStart, "unclosed comment");
    }
    tokens.remove(tokens.size() - 1); // a comment leaves nothing for the parser
    pos = end + RIGHT_COMMENT.length();
    boolean trim = hasRightTrimMarker(pos);
    if (!trim && !src.startsWith(RIGHT_DELIM, pos)) {
      return error(actionStart, "comment ends before closing delimiter");
    }
    pos += (trim ? 2 : 0) + RIGHT_DELIM.length();
    trimNextText = trim;
    return true;
  }

  private boolean lexAction(int actionStart) {
    parenDepth = 0;
    while (true) {
      if (hasRightTrimMarker(pos) || src.startsWith(RIGHT_DELIM, pos)) {
        if (parenDepth > 0) {
          return error(pos, "unclosed left paren");
        }
        return lexRightDelim();
      }
      if (pos >= src.length()) {
        return error(actionStart, "unclosed action");
      }
      if (!lexActionItem()) {
        return false;
      }
    }
  }

  private boolean lexActionItem() {
    char c = src.charAt(pos);
    int start = pos;
    if (isSpace(c)) {
      while (pos < src.length() && isSpace(src.charAt(pos)) && !hasRightTrimMarker(pos)) {
        pos++;
      }
      if (pos == start) { // a space that begins " -}}": the loop ends the action
        return lexRightDelim() || error(pos, "unexpected trim marker");
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
        return lexQuote(start);
      case '`':
        return lexRawQuote(start);
      case '\'':
        return lexCharConstant(start);
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
      if (pos + 1 < src.length() && isDigit(src.charAt(pos + 1))) {
        return lexNumber(start);
      }
      pos++;
      return lexFieldOrVariable(start, Kind.FIELD);
    }
    if (c == '+' || c == '-' || isDigit(c)) {
      return lexNumber(start);
    }
    int cp = src.codePointAt(pos);
    if (isAlphaNumeric(cp)) {
      return lexIdentifier(start);
    }
    if (cp < 0x7f && cp >= 0x20) {
      pos++;
      return emit(Kind.CHAR, start);
    }
    return error(start, "unrecognized character in action: " + describeRune(cp));
  }

  private boolean lexIdentifier(int start) {
    while (pos < src.length() && isAlphaNumeric(src.codePointAt(pos))) {
      pos += Character.charCount(src.codePointAt(pos));
    }
    if (!atTerminator()) {
      return error(pos, "bad character " + describeRune(src.codePointAt(pos)));
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
    while (pos < src.length() && isAlphaNumeric(src.codePointAt(pos))) {
      pos += Character.charCount(src.codePointAt(pos));
    }
    if (!atTerminator()) {
      return error(pos, "bad character " + describeRune(src.codePointAt(pos)));
    }
    return emit(kind, start);
  }

  private boolean atTerminator() {
    if (pos >= src.length()) {
      return true;
    }
    char c = src.charAt(pos);
    return isSpace(c)
        || c == '.'
        || c == ','
        || c == '|'
        || c == ':'
        || c == ')'
        || c == '('
        || src.startsWith(RIGHT_DELIM, pos);
  }

  private boolean lexNumber(int start) {
    if (!NumberScanner.scan(src, pos).map(end -> pos = end).isPresent()) {
      int end = NumberScanner.badEnd(src, pos);
      return error(start, "bad number syntax: \"" + src.substring(start, end) + "\"");
    }
    return emit(Kind.NUMBER, start);
  }

  private boolean lexQuote(int start) {
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        return error(start, "unterminated quoted string");
      }
      char c = src.charAt(pos++);
      if (c == '\\') {
        if (pos >= src.length() || src.charAt(pos) == '\n') {
          return error(start, "unterminated quoted string");
        }
        pos++;
      } else if (c == '"') {
        return emit(Kind.STRING, start);
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

  private boolean lexCharConstant(int start) {
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        return error(start, "unterminated character constant");
      }
      char c = src.charAt(pos++);
      if (c == '\\') {
        if (pos >= src.length() || src.charAt(pos) == '\n') {
          return error(start, "unterminated character constant");
        }
        pos++;
      } else if (c == '\'') {
        return emit(Kind.CHAR_CONSTANT, start);
      }
    }
  }

  private boolean emit(Kind kind, int start) {
    tokens.add(new Token(kind, src.substring(start, pos), start));
    return true;
  }

  private boolean error(int at, String message) {
    tokens.add(new Token(Kind.ERROR, message, at));
    return false;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlphaNumeric(int cp) {
    return cp == '_' || Character.isLetterOrDigit(cp);
  }

  /** Go's {@code %#U}: {@code U+0023 '#'}. */
  static String describeRune(int cp) {
    String hex = String.format("U+%04X", cp);
    return Character.isISOControl(cp) ? hex : hex + " '" + new String(Character.toChars(cp)) + "'";
  }
}
