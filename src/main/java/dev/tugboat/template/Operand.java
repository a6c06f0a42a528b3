package dev.tugboat.template;

import java.util.List;

/** One word of a command. {@link #text()} is the source as written, for error messages. */
sealed interface Operand {
  int pos();

  String text();

  /** A function name, resolved when parsing. */
  record Function(int pos, String text, TemplateFunction function) implements Operand {}

  /** {@code $name} or {@code $}, with field names after it ({@code $x.Field}). */
  record Variable(int pos, String text, String name, List<String> fields) implements Operand {
    public Variable {
      fields = List.copyOf(fields);
    }
  }

  /** {@code .} */
  record Dot(int pos, String text) implements Operand {}

  /** {@code .Field.Other}: fields of dot. */
  record Field(int pos, String text, List<String> fields) implements Operand {
    public Field {
      fields = List.copyOf(fields);
    }
  }

  /** {@code (pipeline).Field}. */
  record Chain(int pos, String text, Operand target, List<String> fields) implements Operand {
    public Chain {
      fields = List.copyOf(fields);
    }
  }

  /** {@code (pipeline)}. */
  record Parenthesized(int pos, String text, Node.Pipeline pipeline) implements Operand {}

  record StringLiteral(int pos, String text, String value) implements Operand {}

  /** A number literal; {@code value} is what it means where any type is accepted (Long or Double). */
  record Number(int pos, String text, NumberLiteral literal) implements Operand {}

  record Bool(int pos, String text, boolean value) implements Operand {}

  record Nil(int pos, String text) implements Operand {}
}
