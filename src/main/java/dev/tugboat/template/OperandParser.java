package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one operand of a command as Go's parser does: a function name (resolved against the
 * library), a variable, dot, a field chain, a literal, or a parenthesized pipeline.
 */
final class OperandParser {
  private final TokenCursor cursor;
  private final FunctionLibrary library;
  private final PipelineParser pipelines;

  OperandParser(TokenCursor cursor, FunctionLibrary library, PipelineParser pipelines) {
    this.cursor = cursor;
    this.library = library;
    this.pipelines = pipelines;
  }

  /** The next operand, or null (nothing consumed) when the next token does not start one. */
  Operand operand() {
    Operand term = term();
    if (term == null || !cursor.peek().is(Kind.FIELD)) {
      return term;
    }
    List<String> fields = new ArrayList<>();
    int end = term.pos() + term.text().length();
    while (cursor.peek().is(Kind.FIELD)) {
      Token f = cursor.next();
      fields.add(f.text().substring(1));
      end = f.pos() + f.text().length();
    }
    String text = cursor.source().substring(term.pos(), end);
    if (term instanceof Operand.Field field) {
      return new Operand.Field(term.pos(), text, concat(field.fields(), fields));
    }
    if (term instanceof Operand.Variable variable) {
      return new Operand.Variable(term.pos(), text, variable.name(), concat(variable.fields(), fields));
    }
    if (term instanceof Operand.Parenthesized || term instanceof Operand.Function) {
      return new Operand.Chain(term.pos(), text, term, fields);
    }
    throw new PositionedError(term.pos(), "unexpected . after term " + GoStrings.quote(term.text()));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private Operand term() {
    Token t = cursor.nextNonSpace();
    String text = t.text();
    int pos = t.pos();
    switch (t.kind()) {
      case IDENTIFIER:
        return new Operand.Function(pos, text, resolve(t));
      case DOT:
        return new Operand.Dot(pos, text);
      case NIL:
        return new Operand.Nil(pos, text);
      case VARIABLE:
        if (!cursor.isDeclared(text)) {
          throw new PositionedError(pos, "undefined variable \"" + text + "\"");
        }
        return new Operand.Variable(pos, text, text, List.of());
      case FIELD:
        return new Operand.Field(pos, text, List.of(text.substring(1)));
      case BOOL:
        return new Operand.Bool(pos, text, text.equals("true"));
      case NUMBER:
      case CHAR_CONSTANT:
        return new Operand.Number(pos, text, number(t));
      case STRING:
      case RAW_STRING:
        return new Operand.StringLiteral(pos, text, string(t));
      case LEFT_PAREN:
        cursor.enter(pos);
        Node.Pipeline inner = pipelines.pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
        cursor.leave();
        int end = cursor.mark() - 1; // the right paren just read
        cursor.reset(end);
        Token close = cursor.next();
        return new Operand.Parenthesized(pos, cursor.source().substring(pos, close.pos() + 1), inner);
      default:
        cursor.backup();
        return null;
    }
  }

  private TemplateFunction resolve(Token t) {
    return library
        .lookup(t.text())
        .orElseThrow(
            () ->
                new PositionedError(
                    t.pos(),
                    "unknown function \""
                        + t.text()
                        + "\""
                        + library.suggest(t.text()).map(s -> " (did you mean " + s + "?)").orElse("")));
  }

  private static NumberLiteral number(Token t) {
    try {
      return NumberLiteral.parse(t.text(), t.is(Kind.CHAR_CONSTANT));
    } catch (IllegalArgumentException e) {
      throw new PositionedError(t.pos(), e.getMessage());
    }
  }

  private static String string(Token t) {
    try {
      return GoStrings.unquote(t.text());
    } catch (IllegalArgumentException e) {
      throw new PositionedError(t.pos(), e.getMessage());
    }
  }
}
