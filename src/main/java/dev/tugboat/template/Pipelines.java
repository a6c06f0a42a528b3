package dev.tugboat.template;

import dev.tugboat.template.TemplateFunction.ArgType;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Evaluates pipelines, commands and their operands with Go's rules: the value of each command is
 * passed as the last argument of the next; arguments are checked against the function's parameter
 * types; failures of functions read {@code error calling NAME: ...}.
 */
final class Pipelines {
  /** Marks "no value passed from a previous command" (distinct from nil). */
  private static final Object MISSING = new Object();

  private final TemplateEnvironment env;
  private final Variables variables;
  private final IntConsumer step;

  Pipelines(TemplateEnvironment env, Variables variables, IntConsumer step) {
    this.env = env;
    this.variables = variables;
    this.step = step;
  }

  Object evaluate(Object dot, Node.Pipeline pipeline) {
    Object value = MISSING;
    for (Node.Command command : pipeline.commands()) {
      value = command(dot, command, value);
    }
    for (String name : pipeline.variables()) {
      if (pipeline.assign()) {
        variables.set(name, value, pipeline.pos());
      } else {
        variables.push(name, value);
      }
    }
    return value;
  }

  private Object command(Object dot, Node.Command command, Object piped) {
    step.accept(command.pos());
    List<Operand> operands = command.operands();
    Operand first = operands.get(0);
    if (first instanceof Operand.Function f) {
      return call(dot, f, operands, piped);
    }
    if (operands.size() > 1 || piped != MISSING) {
      throw new PositionedError(first.pos(), "can't give argument to non-function " + first.text());
    }
    if (first instanceof Operand.Nil) {
      throw new PositionedError(first.pos(), "nil is not a command");
    }
    return value(dot, first);
  }

  /** The value of an operand that is not called with arguments. */
  private Object value(Object dot, Operand operand) {
    if (operand instanceof Operand.StringLiteral s) {
      return s.value();
    }
    if (operand instanceof Operand.Number n) {
      return n.literal().ideal();
    }
    if (operand instanceof Operand.Bool b) {
      return b.value();
    }
    if (operand instanceof Operand.Nil) {
      return null;
    }
    if (operand instanceof Operand.Dot) {
      return dot;
    }
    if (operand instanceof Operand.Variable v) {
      return fields(variables.get(v.name(), v.pos()), v.fields(), v.pos());
    }
    if (operand instanceof Operand.Field f) {
      return fields(dot, f.fields(), f.pos());
    }
    if (operand instanceof Operand.Parenthesized p) {
      return evaluate(dot, p.pipeline());
    }
    if (operand instanceof Operand.Chain c) {
      return fields(value(dot, c.target()), c.fields(), c.pos());
    }
    Operand.Function f = (Operand.Function) operand;
    return call(dot, f, List.of(f), MISSING);
  }

  /**
   * A map's key reads as a field (Go's map lookup: a missing key is nil); other values have no
   * fields: a field of nil is nil, of anything else an error.
   */
  private static Object fields(Object receiver, List<String> names, int pos) {
    for (String name : names) {
      if (receiver instanceof java.util.Map<?, ?> map) {
        receiver = map.get(name);
      } else if (receiver != null) {
        throw new PositionedError(
            pos, "can't evaluate field " + name + " in type " + Values.typeName(receiver));
      }
    }
    return receiver;
  }

  private Object call(Object dot, Operand.Function f, List<Operand> operands, Object piped) {
    TemplateFunction fn = f.function();
    int count = operands.size() - 1 + (piped == MISSING ? 0 : 1);
    String arity = fn.arityProblem(count);
    if (arity != null) {
      throw new PositionedError(f.pos(), arity);
    }
    if (fn.kind() != TemplateFunction.Kind.PLAIN) {
      return andOr(dot, fn, operands, piped);
    }
    Object[] args = new Object[count];
    for (int i = 1; i < operands.size(); i++) {
      args[i - 1] = argument(dot, fn.paramType(i - 1), operands.get(i));
    }
    if (piped != MISSING) {
      args[count - 1] = checkType(piped, fn.paramType(count - 1), f.pos());
    }
    return invoke(fn, args, f.pos());
  }

  private Object invoke(TemplateFunction fn, Object[] args, int pos) {
    try {
      return fn.body().call(env, args);
    } catch (FunctionError | UnavailableFactException e) {
      throw new PositionedError(pos, "error calling " + fn.name() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Go recovers a panicking function into an error the same way; nothing else may escape.
      throw new PositionedError(pos, "error calling " + fn.name() + ": " + e, e);
    }
  }

  /** Go's {@code and} and {@code or} stop at the first argument that decides the result. */
  private Object andOr(Object dot, TemplateFunction fn, List<Operand> operands, Object piped) {
    boolean isOr = fn.kind() == TemplateFunction.Kind.OR;
    Object v = null;
    for (int i = 1; i < operands.size(); i++) {
      v = argument(dot, ArgType.ANY, operands.get(i));
      if (Values.isTrue(v) == isOr) {
        return v;
      }
    }
    return piped == MISSING ? v : piped;
  }

  private Object argument(Object dot, ArgType type, Operand operand) {
    if (operand instanceof Operand.Nil) {
      if (type == ArgType.ANY) {
        return null;
      }
      throw new PositionedError(operand.pos(), "cannot assign nil to " + type.goName());
    }
    if (operand instanceof Operand.StringLiteral
        || operand instanceof Operand.Number
        || operand instanceof Operand.Bool) {
      return literal(type, operand);
    }
    return checkType(value(dot, operand), type, operand.pos());
  }

  private static Object literal(ArgType type, Operand operand) {
    switch (type) {
      case STRING:
        if (operand instanceof Operand.StringLiteral s) {
          return s.value();
        }
        throw new PositionedError(operand.pos(), "expected string; found " + operand.text());
      case INT:
        if (operand instanceof Operand.Number n && n.literal().isInt()) {
          return n.literal().intValue();
        }
        throw new PositionedError(operand.pos(), "expected integer; found " + operand.text());
      default:
        if (operand instanceof Operand.StringLiteral s) {
          return s.value();
        }
        if (operand instanceof Operand.Number n) {
          return n.literal().ideal();
        }
        return ((Operand.Bool) operand).value();
    }
  }

  private static Object checkType(Object value, ArgType type, int pos) {
    if (type == ArgType.ANY) {
      return value;
    }
    if (value == null) {
      throw new PositionedError(pos, "invalid value; expected " + type.goName());
    }
    boolean ok = type == ArgType.STRING ? value instanceof String : value instanceof Long;
    if (!ok) {
      throw new PositionedError(
          pos,
          "wrong type for value; expected " + type.goName() + "; got " + Values.typeName(value));
    }
    return value;
  }
}
