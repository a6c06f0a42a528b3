package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

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

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
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
    return hasRightTrimMarker(src, at);
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
    int end = new ActionLexer(src, tokens).lex(pos, actionStart);
    if (end < 0) {
      return false;
    }
    pos = end;
    return lexRightDelim();
  }

  static boolean hasRightTrimMarker(String src, int at) {
    return at + 1 < src.length()
        && isSpace(src.charAt(at))
        && src.charAt(at + 1) == '-'
        && src.startsWith(RIGHT_DELIM, at + 2);
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
    boolean invisible = Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE;
    return invisible ? hex : hex + " '" + new String(Character.toChars(cp)) + "'";
  }
}
