package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's position in the token list, the variables in scope, and the nesting depth. A lexical
 * error token ends parsing with its message as soon as the parser reaches it.
 */
final class TokenCursor {
  /** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
  static final int MAX_DEPTH = 100;

  private final String source;
  private final List<Token> tokens;
  private final List<String> variables = new ArrayList<>();
  private int index;
  private int depth;
  private int rangeDepth;

  TokenCursor(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
    variables.add("$");
  }

  String source() {
    return source;
  }

  Token next() {
    Token t = tokens.get(Math.min(index, tokens.size() - 1));
    if (t.is(Kind.ERROR)) {
      throw new PositionedError(t.pos(), t.text());
    }
    index++;
    return t;
  }

  Token peek() {
    Token t = next();
    index--;
    return t;
  }

  Token nextNonSpace() {
    Token t = next();
    while (t.is(Kind.SPACE)) {
      t = next();
    }
    return t;
  }

  Token peekNonSpace() {
    int saved = index;
    Token t = nextNonSpace();
    index = saved;
    return t;
  }

  void backup() {
    index--;
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }

  Token expect(Kind kind, String context) {
    Token t = nextNonSpace();
    if (!t.is(kind)) {
      throw unexpected(t, context);
    }
    return t;
  }

  PositionedError unexpected(Token t, String context) {
    return new PositionedError(t.pos(), "unexpected " + t.describe() + " in " + context);
  }

  void enter(int pos) {
    if (++depth > MAX_DEPTH) {
      throw new PositionedError(pos, "template nested too deeply (more than " + MAX_DEPTH + " levels)");
    }
  }

  void leave() {
    depth--;
  }

  void enterRange() {
    rangeDepth++;
  }

  void leaveRange() {
    rangeDepth--;
  }

  boolean inRange() {
    return rangeDepth > 0;
  }

  int variableCount() {
    return variables.size();
  }

  void popVariables(int count) {
    variables.subList(count, variables.size()).clear();
  }

  void declare(String name) {
    variables.add(name);
  }

  boolean isDeclared(String name) {
    return variables.contains(name);
  }
}
