package dev.tugboat.template;

import java.util.List;

/** The parsed form of a template: a list of these, immutable, shared by every evaluation. */
sealed interface Node {

  /** Text outside actions, copied to the output as it is. */
  record Text(String text) implements Node {}

  /** {@code {{repl pipeline}}}: prints the pipeline's value unless the pipeline declares variables. */
  record Action(int pos, Pipeline pipeline) implements Node {}

  /** {@code if}; an {@code else if} chain is an {@code If} alone in {@code otherwise}. */
  record If(int pos, Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code with}: like {@code if}, and sets dot to the pipeline's value. */
  record With(int pos, Pipeline pipeline, List<Node> then, List<Node> otherwise) implements Node {
    public With {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code range}; {@code otherwise} runs when there is nothing to iterate over. */
  record Range(int pos, Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {
    public Range {
      body = List.copyOf(body);
      otherwise = List.copyOf(otherwise);
    }
  }

  record Break(int pos) implements Node {}

  record Continue(int pos) implements Node {}

  /**
   * Commands joined by {@code |}, optionally declaring ({@code :=}) or assigning ({@code =})
   * variables.
   */
  record Pipeline(int pos, boolean assign, List<String> variables, List<Command> commands) {
    public Pipeline {
      variables = List.copyOf(variables);
      commands = List.copyOf(commands);
    }
  }

  /** Operands separated by spaces; the first may name a function that takes the others. */
  record Command(int pos, List<Operand> operands) {
    public Command {
      operands = List.copyOf(operands);
    }
  }
}
