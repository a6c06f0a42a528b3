package dev.tugboat.template;

import dev.tugboat.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses pipelines, commands and operands as Go's parser does, resolving function names against
 * the library (an unknown name is an error with a suggestion) and checking how many arguments each
 * call gets.
 */
final class PipelineParser {
  private static final Set<Kind> OPERAND_START =
      Set.of(
          Kind.BOOL, Kind.CHAR_CONSTANT, Kind.DOT, Kind.FIELD, Kind.IDENTIFIER, Kind.NUMBER,
          Kind.NIL, Kind.RAW_STRING, Kind.STRING, Kind.VARIABLE, Kind.LEFT_PAREN);

  private final TokenCursor cursor;
  private final OperandParser operandParser;

  PipelineParser(TokenCursor cursor, FunctionLibrary library) {
    this.cursor = cursor;
    this.operandParser = new OperandParser(cursor, library, this);
  }

  Node.Pipeline pipeline(String context, Kind end) {
    int pos = cursor.peekNonSpace().pos();
    List<String> variables = new ArrayList<>();
    boolean assign = declarations(context, variables);
    List<Node.Command> commands = new ArrayList<>();
    while (true) {
      Token t = cursor.nextNonSpace();
      if (t.is(end)) {
        checkPipeline(context, pos, commands);
        return new Node.Pipeline(pos, assign, variables, commands);
      }
      if (!OPERAND_START.contains(t.kind())) {
        throw cursor.unexpected(t, context);
      }
      cursor.backup();
      Node.Command command = command();
      checkArity(command, !commands.isEmpty());
      commands.add(command);
    }
  }

  /** Reads {@code $x :=}, {@code $x =} or {@code $i, $v :=}; returns whether it is an assignment. */
  private boolean declarations(String context, List<String> variables) {
    while (true) {
      int start = cursor.mark();
      Token v = cursor.nextNonSpace();
      if (!v.is(Kind.VARIABLE)) {
        cursor.reset(start);
        return false;
      }
      Token next = cursor.nextNonSpace();
      if (next.is(Kind.DECLARE) || next.is(Kind.ASSIGN)) {
        boolean assign = next.is(Kind.ASSIGN);
        for (String name : append(variables, v.text())) {
          if (assign && !cursor.isDeclared(name)) {
            throw new PositionedError(v.pos(), "undefined variable \"" + name + "\"");
          }
        }
        variables.add(v.text());
        if (!assign) {
          variables.forEach(cursor::declare);
        }
        return assign;
      }
      if (next.is(Kind.CHAR) && next.text().equals(",")) {
        variables.add(v.text());
        if (context.equals("range") && variables.size() < 2) {
          Token after = cursor.peekNonSpace();
          if (after.is(Kind.VARIABLE)) {
            continue;
          }
          throw new PositionedError(after.pos(), "range can only initialize variables");
        }
        throw new PositionedError(next.pos(), "too many declarations in " + context);
      }
      if (!variables.isEmpty()) {
        throw cursor.unexpected(next, context);
      }
      cursor.reset(start);
      return false;
    }
  }

  private static List<String> append(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private void checkPipeline(String context, int pos, List<Node.Command> commands) {
    if (commands.isEmpty()) {
      throw new PositionedError(pos, "missing value for " + context);
    }
    for (int i = 1; i < commands.size(); i++) {
      Operand first = commands.get(i).operands().get(0);
      if (first instanceof Operand.Bool
          || first instanceof Operand.Dot
          || first instanceof Operand.Nil
          || first instanceof Operand.Number
          || first instanceof Operand.StringLiteral) {
        throw new PositionedError(
            first.pos(), "non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  /** Arity is known when parsing: the operands, plus the piped value after the first command. */
  private void checkArity(Node.Command command, boolean piped) {
    List<Operand> operands = command.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (operands.get(i) instanceof Operand.Function f) {
        int count = i == 0 ? operands.size() - 1 + (piped ? 1 : 0) : 0;
        String problem = f.function().arityProblem(count);
        if (problem != null) {
          throw new PositionedError(f.pos(), problem);
        }
      }
    }
  }

  private Node.Command command() {
    int pos = cursor.peekNonSpace().pos();
    List<Operand> operands = new ArrayList<>();
    while (true) {
      cursor.peekNonSpace();
      Operand operand = operandParser.operand();
      if (operand != null) {
        operands.add(operand);
      }
      Token t = cursor.next();
      if (t.is(Kind.SPACE)) {
        continue;
      }
      if (t.is(Kind.RIGHT_DELIM) || t.is(Kind.RIGHT_PAREN)) {
        cursor.backup();
      } else if (!t.is(Kind.PIPE)) {
        throw cursor.unexpected(t, "operand");
      }
      break;
    }
    if (operands.isEmpty()) {
      throw new PositionedError(pos, "empty command");
    }
    return new Node.Command(pos, operands);
  }
}
