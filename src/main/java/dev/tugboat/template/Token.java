package dev.tugboat.template;

/** One lexical item of a template: its kind, its text as written, and its offset in the source. */
record Token(Kind kind, String text, int pos) {
  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    IDENTIFIER,
    KEYWORD,
    VARIABLE,
    FIELD,
    DOT,
    STRING,
    RAW_STRING,
    CHAR_CONSTANT,
    NUMBER,
    BOOL,
    NIL,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    DECLARE,
    ASSIGN,
    CHAR,
    EOF,
    ERROR
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isKeyword(String word) {
    return kind == Kind.KEYWORD && text.equals(word);
  }

  /** How Go's parser names an unexpected item in its messages. */
  String describe() {
    return switch (kind) {
      case EOF -> "EOF";
      case KEYWORD -> "<" + text + ">";
      case RIGHT_DELIM -> "\"}}\"";
      case LEFT_DELIM -> "\"{{repl\"";
      case SPACE -> "space";
      default -> text.length() > 10 ? GoStrings.quote(text.substring(0, 10)) + "..." : GoStrings.quote(text);
    };
  }
}
