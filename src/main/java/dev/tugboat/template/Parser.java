package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the node list of a template from its tokens, following Go's parser: actions and the
 * control structures {@code if}, {@code else if}, {@code range}, {@code with}, {@code break} and
 * {@code continue}. Pipelines are {@link PipelineParser}'s job.
 */
final class Parser {
  private final TokenCursor cursor;
  private final PipelineParser pipelines;

  private Parser(String source, FunctionLibrary library) {
    this.cursor = new TokenCursor(source, Lexer.lex(source));
    this.pipelines = new PipelineParser(cursor, library);
  }

  /** Throws {@link PositionedError} with Go's message for the first problem. */
  static List<Node> parse(String source, FunctionLibrary library) {
    Parser parser = new Parser(source, library);
    List<Node> nodes = new ArrayList<>();
    ListEnd end = parser.parseList(nodes);
    if (end.kind() != ListEnd.Kind.EOF) {
      throw new PositionedError(end.pos(), "unexpected {{" + end.word() + "}}");
    }
    return List.copyOf(nodes);
  }

  /** What stopped a list: {@code {{end}}}, {@code {{else}}} or the end of the template. */
  private record ListEnd(Kind kind, int pos) {
    enum Kind {
      END,
      ELSE,
      EOF
    }

    String word() {
      return kind == Kind.END ? "end" : "else";
    }
  }

  private ListEnd parseList(List<Node> nodes) {
    while (true) {
      Token t = cursor.next();
      switch (t.kind()) {
        case TEXT -> nodes.add(new Node.Text(t.text()));
        case EOF -> {
          return new ListEnd(ListEnd.Kind.EOF, t.pos());
        }
        case LEFT_DELIM -> {
          Token word = cursor.peekNonSpace();
          if (word.isKeyword("end")) {
            cursor.nextNonSpace();
            cursor.expect(Kind.RIGHT_DELIM, "end");
            return new ListEnd(ListEnd.Kind.END, word.pos());
          }
          if (word.isKeyword("else")) {
            cursor.nextNonSpace();
            return new ListEnd(ListEnd.Kind.ELSE, word.pos());
          }
          nodes.add(action());
        }
        default -> throw cursor.unexpected(t, "input");
      }
    }
  }

  private Node action() {
    Token word = cursor.peekNonSpace();
    if (word.is(Kind.KEYWORD)) {
      cursor.nextNonSpace();
      switch (word.text()) {
        case "if":
          return control(word, "if");
        case "with":
          return control(word, "with");
        case "range":
          return control(word, "range");
        case "break", "continue":
          return loopControl(word);
        default:
          throw new PositionedError(
              word.pos(), "{{" + word.text() + "}} is not supported in {{repl}} templates");
      }
    }
    Node.Pipeline pipeline = pipelines.pipeline("command", Kind.RIGHT_DELIM);
    return new Node.Action(pipeline.pos(), pipeline);
  }

  private Node loopControl(Token word) {
    if (!cursor.inRange()) {
      throw new PositionedError(word.pos(), "{{" + word.text() + "}} outside {{range}}");
    }
    cursor.expect(Kind.RIGHT_DELIM, "{{" + word.text() + "}}");
    return word.text().equals("break") ? new Node.Break(word.pos()) : new Node.Continue(word.pos());
  }

  private Node control(Token word, String context) {
    cursor.enter(word.pos());
    int scope = cursor.variableCount();
    Node.Pipeline pipeline = pipelines.pipeline(context, Kind.RIGHT_DELIM);
    boolean isRange = context.equals("range");
    List<Node> then = new ArrayList<>();
    if (isRange) {
      cursor.enterRange();
    }
    ListEnd end = parseList(then);
    if (isRange) {
      cursor.leaveRange();
    }
    List<Node> otherwise = new ArrayList<>();
    if (end.kind() == ListEnd.Kind.ELSE) {
      Token next = cursor.peekNonSpace();
      if (!isRange && next.isKeyword(context)) {
        cursor.nextNonSpace();
        otherwise.add(control(next, context));
        end = new ListEnd(ListEnd.Kind.END, next.pos());
      } else {
        cursor.expect(Kind.RIGHT_DELIM, "else");
        end = parseList(otherwise);
        if (end.kind() == ListEnd.Kind.ELSE) {
          throw new PositionedError(end.pos(), "expected end; found {{else}}");
        }
      }
    }
    if (end.kind() == ListEnd.Kind.EOF) {
      throw new PositionedError(
          word.pos(), "unexpected EOF: {{" + context + "}} has no matching {{end}}");
    }
    cursor.popVariables(scope);
    cursor.leave();
    return switch (context) {
      case "if" -> new Node.If(word.pos(), pipeline, then, otherwise);
      case "with" -> new Node.With(word.pos(), pipeline, then, otherwise);
      default -> new Node.Range(word.pos(), pipeline, then, otherwise);
    };
  }
}
